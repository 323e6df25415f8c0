using System.Text;
using System.Text.Json;

namespace LambdaGuard.Function.Tests.Support;

/// <summary>What the handler wrote to its raw stdout, split into JSON lines.</summary>
internal sealed class TelemetryCapture
{
    public MemoryStream Output { get; } = new();

    public IReadOnlyList<string> RawLines =>
        Encoding.UTF8.GetString(Output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public IReadOnlyList<JsonElement> Lines => RawLines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    public IReadOnlyList<JsonElement> LogLines => Lines.Where(line => !line.TryGetProperty("_aws", out _)).ToList();

    public IReadOnlyList<JsonElement> RecordLines => LogLines.Where(line => line.TryGetProperty("outcome", out _)).ToList();

    public IReadOnlyList<JsonElement> MetricDocuments => Lines.Where(line => line.TryGetProperty("_aws", out _)).ToList();

    /// <summary>The Service-only EMF document's value of <paramref name="name"/>, summed over invocations.</summary>
    public double Metric(string name) => MetricDocuments
        .Where(doc => !doc.TryGetProperty("Severity", out _) && doc.TryGetProperty(name, out _))
        .Sum(doc => doc.GetProperty(name).ValueKind == JsonValueKind.Array
            ? doc.GetProperty(name).EnumerateArray().Count()
            : doc.GetProperty(name).GetDouble());
}
