namespace LambdaGuard.Cli.Scanning;

/// <summary>The two S3 calls a scan makes, so tests can count them.</summary>
public interface IS3Objects
{
    Task<S3ListPage> ListAsync(string bucket, string prefix, string? delimiter, string? continuationToken, CancellationToken cancellationToken);

    Task<Stream> OpenAsync(string bucket, string key, CancellationToken cancellationToken);
}
