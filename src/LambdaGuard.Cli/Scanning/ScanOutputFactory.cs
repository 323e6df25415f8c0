using LambdaGuard.Core.Formats;

namespace LambdaGuard.Cli.Scanning;

/// <summary>The one place that maps <c>--format</c> to an output, so a new format is one line here and one
/// name in <see cref="Formats"/>. The formats of <see cref="FindingFormats"/> (csv, ocsf, asff, markdown)
/// come in through <see cref="FormatterScanOutput"/>.</summary>
public static class ScanOutputFactory
{
    public static readonly string[] Formats = ["table", "jsonl", .. FindingFormats.Names];

    public static IScanOutput Create(string format, CliIo io, ScanOutputOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return format switch
        {
            "jsonl" => new JsonlScanOutput(io, options.Settings.MaxParameterBytes),
            "table" => new TableScanOutput(io, options.Wide),
            _ => FindingFormats.Create(format, options.GeneratedAt, options.Settings) is { } formatter
                ? new FormatterScanOutput(io, formatter)
                : throw new ArgumentException($"unknown scan format '{format}'; use one of {string.Join(", ", Formats)}", nameof(format)),
        };
    }
}
