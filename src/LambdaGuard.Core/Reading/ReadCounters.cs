namespace LambdaGuard.Core.Reading;

/// <summary>Running totals of one read (one or many files); the reader adds to it as it streams.</summary>
public sealed class ReadCounters
{
    public long Files { get; set; }

    public long Bytes { get; set; }

    /// <summary>Every record position seen, of any service, malformed ones included.</summary>
    public long Records { get; set; }

    public long LambdaRecords { get; set; }

    /// <summary>Records of other services, skipped without validation.</summary>
    public long OtherRecords { get; set; }

    /// <summary>Digest files, Insights records, and EventBridge events that carry no API call.</summary>
    public long Skipped { get; set; }

    /// <summary>Lambda read-only calls counted from their raw bytes, never handed on (only when the reader
    /// dismisses them, see <see cref="CloudTrailReader.DismissReadOnlyAndDataEvents"/>).</summary>
    public long DismissedReadOnly { get; set; }

    /// <summary>Lambda data events (Invoke) counted the same way.</summary>
    public long DismissedDataEvents { get; set; }

    /// <summary>Lambda records read with undecodable text replaced (<see cref="CloudTrailRecord.HasReplacedText"/>).</summary>
    public long RepairedRecords { get; set; }

    public long MalformedRecords { get; set; }

    public long FileErrors { get; set; }

    /// <summary>Folds another read's totals into these (one file's counters into a scan's).</summary>
    public void Add(ReadCounters other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Files += other.Files;
        Bytes += other.Bytes;
        Records += other.Records;
        LambdaRecords += other.LambdaRecords;
        OtherRecords += other.OtherRecords;
        Skipped += other.Skipped;
        DismissedReadOnly += other.DismissedReadOnly;
        DismissedDataEvents += other.DismissedDataEvents;
        RepairedRecords += other.RepairedRecords;
        MalformedRecords += other.MalformedRecords;
        FileErrors += other.FileErrors;
    }
}
