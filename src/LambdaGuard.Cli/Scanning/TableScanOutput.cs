namespace LambdaGuard.Cli.Scanning;

/// <summary>The people's view: the findings table, the breakdown by rule, actor and function, then the
/// summary line, all on stdout.</summary>
public sealed class TableScanOutput(CliIo io, bool wide) : IScanOutput
{
    private readonly FindingTable table = new(wide);
    private readonly FindingBreakdown breakdown = new();

    public void Add(ScannedFinding finding)
    {
        table.Add(finding);
        breakdown.Add(finding);
    }

    public void Complete(ScanSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        table.Render(io.Out);
        breakdown.Render(io.Out);
        io.Out.WriteLine(summary.Describe());
    }
}
