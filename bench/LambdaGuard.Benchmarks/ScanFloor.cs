using System.Diagnostics;
using System.IO.Compression;

namespace LambdaGuard.Benchmarks;

/// <summary>The in-process floor for <c>lambdaguard scan</c>: decompress every .gz file of an archive and
/// search it for Lambda's event source (vectorized), two files at a time, nothing else. No scan can read
/// less; bench/compare-scan.sh runs it beside the real command.</summary>
internal static class ScanFloor
{
    public static int Run(string archive)
    {
        var clock = Stopwatch.StartNew();
        var files = Directory.GetFiles(archive, "*.gz", SearchOption.AllDirectories);
        long bytes = 0, hits = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = 2 }, file =>
        {
            var (read, found) = Search(file);
            Interlocked.Add(ref bytes, read);
            Interlocked.Add(ref hits, found);
        });
        Console.WriteLine($"floor: {files.Length} files, {bytes / (1024 * 1024)} MiB, {hits} Lambda mentions, {clock.Elapsed.TotalSeconds:0.000} s in process");
        return 0;
    }

    private static (long Bytes, long Hits) Search(string file)
    {
        ReadOnlySpan<byte> needle = "lambda.amazonaws.com"u8;
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        var buffer = new byte[1 << 20];
        int kept = 0, n;
        long bytes = 0, hits = 0;
        while ((n = gzip.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            bytes += n;
            var span = buffer.AsSpan(0, kept + n);
            var at = 0;
            int found;
            while ((found = span[at..].IndexOf(needle)) >= 0)
            {
                hits++;
                at += found + needle.Length;
            }

            // Keep a needle's length minus one, so a match across two reads is still found.
            kept = Math.Min(needle.Length - 1, span.Length - at);
            span[^kept..].CopyTo(buffer);
        }

        return (bytes, hits);
    }
}
