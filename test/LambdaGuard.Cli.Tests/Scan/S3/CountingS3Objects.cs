using System.Collections.Concurrent;
using LambdaGuard.Cli.Scanning;

namespace LambdaGuard.Cli.Tests.Scan.S3;

/// <summary>Counts the GETs a scan makes against the real (emulated) S3.</summary>
internal sealed class CountingS3Objects(IS3Objects inner) : IS3Objects
{
    public ConcurrentQueue<string> OpenedKeys { get; } = new();

    public Task<S3ListPage> ListAsync(string bucket, string prefix, string? delimiter, string? continuationToken, CancellationToken cancellationToken) =>
        inner.ListAsync(bucket, prefix, delimiter, continuationToken, cancellationToken);

    public Task<Stream> OpenAsync(string bucket, string key, CancellationToken cancellationToken)
    {
        OpenedKeys.Enqueue(key);
        return inner.OpenAsync(bucket, key, cancellationToken);
    }
}
