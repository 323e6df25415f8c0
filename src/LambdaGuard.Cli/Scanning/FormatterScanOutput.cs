using LambdaGuard.Core.Formats;

namespace LambdaGuard.Cli.Scanning;

/// <summary>A Core finding format (csv, ocsf, asff, markdown) as a scan output: stdout carries only the
/// format, so pipes and files stay valid; the summary goes to stderr as with jsonl.</summary>
public sealed class FormatterScanOutput(CliIo io, IFindingFormatter formatter) : IScanOutput
{
    private bool begun;

    public void Add(ScannedFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        Begin();
        formatter.Write(io.Out, finding.Finding, finding.SuppressedBy?.Id);
    }

    public void Complete(ScanSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Begin();
        formatter.End(io.Out);
        io.Error.WriteLine(summary.Describe());
    }

    // Begun on first use rather than on construction, so nothing reaches stdout before the inputs are known.
    private void Begin()
    {
        if (!begun)
        {
            formatter.Begin(io.Out);
            begun = true;
        }
    }
}
