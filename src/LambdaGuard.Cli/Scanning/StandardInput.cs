namespace LambdaGuard.Cli.Scanning;

/// <summary>The <c>-</c> path. Findings name it <c>-</c>.</summary>
public sealed class StandardInput(Func<Stream> open) : ScanInput
{
    public override string Path => "-";

    public override Stream Open() => open();
}
