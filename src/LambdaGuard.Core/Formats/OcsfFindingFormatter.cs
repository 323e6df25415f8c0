using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Formats;

/// <summary><c>--format ocsf</c>: JSON Lines of OCSF 1.1.0 Detection Findings.</summary>
public sealed class OcsfFindingFormatter(DateTimeOffset generatedAt, DetectorSettings settings) : IFindingFormatter
{
    public void Begin(TextWriter output)
    {
    }

    public void Write(TextWriter output, Finding finding, string? suppressionId)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var alert = FindingFormats.AlertOf(finding, generatedAt, settings);
        output.WriteLine(OcsfDetectionFinding.Json(alert.RootElement, suppressionId));
    }

    public void End(TextWriter output)
    {
    }
}
