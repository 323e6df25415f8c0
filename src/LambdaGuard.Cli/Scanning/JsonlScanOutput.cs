using LambdaGuard.Core.Alerts;

namespace LambdaGuard.Cli.Scanning;

/// <summary>docs/interfaces.md: one <c>lambdaguard.finding/v1</c> object per line on stdout and nothing else; the
/// summary goes to stderr.</summary>
public sealed class JsonlScanOutput(CliIo io, int maxParameterBytes) : IScanOutput
{
    public void Add(ScannedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        io.Out.WriteLine(FindingJson.FindingLine(finding.Finding, finding.SuppressedBy?.Id, maxParameterBytes));
    }

    public void Complete(ScanSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        io.Error.WriteLine(summary.Describe());
    }
}
