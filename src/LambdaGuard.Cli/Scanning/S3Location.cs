namespace LambdaGuard.Cli.Scanning;

/// <summary>An <c>s3://bucket/prefix</c> PATH argument.</summary>
public sealed record S3Location(string Bucket, string Prefix)
{
    public const string Scheme = "s3://";

    public static bool IsS3(string path) => path.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    public static bool TryParse(string path, out S3Location location)
    {
        ArgumentNullException.ThrowIfNull(path);
        location = new S3Location(string.Empty, string.Empty);
        if (!IsS3(path))
        {
            return false;
        }

        var rest = path[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        if (bucket.Length == 0)
        {
            return false;
        }

        location = new S3Location(bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
        return true;
    }

    public string ObjectUri(string key) => $"{Scheme}{Bucket}/{key}";

    public override string ToString() => $"{Scheme}{Bucket}/{Prefix}";
}
