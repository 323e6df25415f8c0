using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Benchmarks;

/// <summary>Throughput of the streaming reader on one 2,000-record CloudTrail file, plain and gzip.</summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    private readonly CloudTrailReader _reader = new();
    private byte[] _plain = [];
    private byte[] _gzip = [];

    [GlobalSetup]
    public void Setup()
    {
        _plain = SyntheticLogs.LogFile(2000);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(_plain);
        }

        _gzip = compressed.ToArray();
    }

    [Benchmark(Baseline = true)]
    public long PlainFile() => Drain(_plain);

    [Benchmark]
    public long GzipFile() => Drain(_gzip);

    private long Drain(byte[] content)
    {
        var counters = new ReadCounters();
        long lambda = 0;
        foreach (var item in _reader.Read(new MemoryStream(content, writable: false), "bench.json", counters))
        {
            lambda += item.Kind == ReadItemKind.LambdaRecord ? 1 : 0;
        }

        return lambda + counters.Records;
    }
}
