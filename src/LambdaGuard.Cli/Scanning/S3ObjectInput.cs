namespace LambdaGuard.Cli.Scanning;

/// <summary>One S3 object, fetched only when a scan worker reaches it, so only the objects in flight are open.</summary>
public sealed class S3ObjectInput(IS3Objects s3, S3Location location, string key) : ScanInput
{
    public string Key => key;

    public override string Path { get; } = location.ObjectUri(key);

    public override Stream Open() => s3.OpenAsync(location.Bucket, key, CancellationToken.None).GetAwaiter().GetResult();
}
