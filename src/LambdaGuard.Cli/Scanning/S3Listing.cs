using System.Collections.Concurrent;

namespace LambdaGuard.Cli.Scanning;

/// <summary>What listing the <c>s3://</c> PATH arguments found.</summary>
public sealed class S3Listing
{
    public List<S3ObjectInput> Inputs { get; } = [];

    /// <summary>Prefixes that could not be listed: exit 2 after the rest is scanned.</summary>
    public ConcurrentQueue<string> Errors { get; } = new();

    /// <summary>Objects left unread because their date folder or file stamp lies outside the time window.</summary>
    public long ObjectsOutsideWindow;

    /// <summary>Date folders never listed because they lie outside the time window.</summary>
    public long FoldersOutsideWindow;
}
