namespace LambdaGuard.Cli.Scanning;

public sealed class LocalFileInput(string path) : ScanInput
{
    private const int FileBufferSize = 1 << 20;

    public override string Path { get; } = path;

    public override Stream Open() =>
        new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
}
