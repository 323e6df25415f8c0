namespace LambdaGuard.Cli.Scanning;

/// <summary>One thing to scan: a local file, standard input or an S3 object. <see cref="Path"/> is what
/// findings carry as <c>source.path</c>.</summary>
public abstract class ScanInput
{
    public abstract string Path { get; }

    /// <exception cref="IOException">and other exceptions of the source: reported as a file that cannot be opened.</exception>
    public abstract Stream Open();
}
