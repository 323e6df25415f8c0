namespace LambdaGuard.Cli.Scanning;

/// <summary>One output format of <c>scan</c>: gets each reported finding in file order, then the summary.</summary>
public interface IScanOutput
{
    void Add(ScannedFinding finding);

    void Complete(ScanSummary summary);
}
