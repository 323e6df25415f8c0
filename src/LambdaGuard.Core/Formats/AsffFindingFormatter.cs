using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Formats;

/// <summary><c>--format asff</c>: one <c>{"Findings":[...]}</c> document, the input of <c>aws securityhub
/// batch-import-findings --cli-input-json</c>. Offline there is no calling account, so each finding is
/// addressed to the account it happened in: import it there (or in batches of at most 100 per call).</summary>
public sealed class AsffFindingFormatter(DateTimeOffset generatedAt, DetectorSettings settings) : IFindingFormatter
{
    private bool first = true;

    public void Begin(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write("{\"Findings\":[");
    }

    public void Write(TextWriter output, Finding finding, string? suppressionId)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(finding);
        using var alert = FindingFormats.AlertOf(finding, generatedAt, settings);
        var target = new AsffTarget("aws", finding.Record.AwsRegion ?? "us-east-1", finding.Record.RecipientAccountId ?? "000000000000");
        output.Write(first ? "\n" : ",\n");
        output.Write(AsffFinding.Json(alert.RootElement, target, generatedAt, suppressionId));
        first = false;
    }

    public void End(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(first ? "]}" : "\n]}");
    }
}
