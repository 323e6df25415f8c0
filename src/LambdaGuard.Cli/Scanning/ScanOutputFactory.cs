namespace LambdaGuard.Cli.Scanning;

/// <summary>The one place that maps <c>--format</c> to an output, so a new format is one line here and one
/// name in <see cref="Formats"/>.</summary>
public static class ScanOutputFactory
{
    public static readonly string[] Formats = ["table", "jsonl"];

    public static IScanOutput Create(string format, CliIo io, ScanOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return format switch
        {
            "jsonl" => new JsonlScanOutput(io, options.MaxParameterBytes),
            _ => new TableScanOutput(io, options.Wide),
        };
    }
}
