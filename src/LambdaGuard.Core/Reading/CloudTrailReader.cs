using System.Runtime.InteropServices;
using System.Text.Json;

namespace LambdaGuard.Core.Reading;

/// <summary>Streams records out of every input format of docs/interfaces.md (`{"Records":[...]}` log files,
/// single records, EventBridge events, JSON Lines of any of these, plain or gzip), in bounded memory.
/// Almost every record in a real archive belongs to another service, so a record is first cut out as raw
/// bytes and only deserialized when it is Lambda's.</summary>
public sealed class CloudTrailReader
{
    /// <summary>CloudTrail records are far below 1 MiB, so 4 MiB leaves ample room for re-serialized or
    /// wrapped records while bounding what one hostile value can cost.</summary>
    public const int DefaultMaxRecordBytes = 4 * 1024 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowMultipleValues = true,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>A single JSON value (one record, one JSON line, a whole log file whose first key is not
    /// "Records") of this size or more is skipped without being buffered and reported as malformed.</summary>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;

    /// <summary>Counts read-only calls and data events (docs/detections.md §2: they never alert) from a cheap
    /// scan of their raw bytes instead of handing them on. For consumers that only want findings (scan);
    /// those that report every decision (replay, explain, the function's metrics) leave it off.</summary>
    public bool DismissReadOnlyAndDataEvents { get; init; }

    /// <summary>Cuts every record out with Utf8JsonReader instead of the structural scan first
    /// (<see cref="StructuralCut"/>): the reference path the property tests compare against.</summary>
    internal bool TokenizeEveryRecord { get; init; }

    internal static JsonReaderOptions Options => ReaderOptions;

    /// <summary>Reads one file. Never throws for bad content: problems come out as
    /// <see cref="ReadItemKind.MalformedRecord"/> or <see cref="ReadItemKind.FileError"/> items, as they are
    /// found, so a file of millions of bad lines costs no more memory than a good one.</summary>
    public IEnumerable<ReadItem> Read(Stream stream, string path, ReadCounters counters)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(counters);
        return ReadStream(stream, path, counters);
    }

    /// <summary>Reads records from bytes already in memory (an EventBridge detail, a test fixture).</summary>
    public IEnumerable<ReadItem> Read(ReadOnlyMemory<byte> json, string path, ReadCounters counters)
    {
        // Array-backed memory (the usual case) is read in place; copying would double the bytes held per event.
        var stream = MemoryMarshal.TryGetArray(json, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(json.ToArray(), writable: false);
        return Read(stream, path, counters);
    }

    private IEnumerable<ReadItem> ReadStream(Stream stream, string path, ReadCounters counters)
    {
        counters.Files++;
        var session = new FileSession(this, path, counters);
        var output = new List<ReadItem>();
        try
        {
            var more = session.Open(stream, output);
            while (true)
            {
                foreach (var item in output)
                {
                    yield return item;
                }

                output.Clear();
                if (!more)
                {
                    yield break;
                }

                more = session.Step(output);
            }
        }
        finally
        {
            session.Release();
        }
    }
}
