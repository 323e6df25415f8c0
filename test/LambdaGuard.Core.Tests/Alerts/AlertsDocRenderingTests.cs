using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Formats;
using LambdaGuard.Core.Tests.Support;
using LambdaGuard.Testing;

namespace LambdaGuard.Core.Tests.Alerts;

/// <summary>docs/alerts.md shows one real rendering per channel. This test renders them from a fixture and fails
/// when the doc drifts; <c>LAMBDAGUARD_UPDATE_DOCS=1 dotnet test --filter AlertsDocRenderingTests</c> rewrites
/// the blocks between the <c>&lt;!-- rendering:NAME --&gt;</c> markers.</summary>
public sealed partial class AlertsDocRenderingTests
{
    private static readonly DateTimeOffset DetectedAt = new(2026, 11, 20, 9, 1, 42, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Pretty = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void AlertsDoc_WhenRenderedFromTheFixture_ShouldMatchEveryChannelShown()
    {
        // Arrange
        var path = RepositoryPaths.InRepo("docs", "alerts.md");
        var doc = File.ReadAllText(path).ReplaceLineEndings("\n");

        // Act
        var renderings = Render();
        var rendered = Marker().Replace(doc, match =>
            renderings.TryGetValue(match.Groups["name"].Value, out var text)
                ? $"<!-- rendering:{match.Groups["name"].Value} -->\n```{match.Groups["lang"].Value}\n{text.TrimEnd('\n')}\n```\n<!-- /rendering -->"
                : match.Value);
        if (Environment.GetEnvironmentVariable("LAMBDAGUARD_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, rendered);
        }

        // Assert
        Assert.All(renderings.Keys, name => Assert.Contains($"<!-- rendering:{name} -->", doc, StringComparison.Ordinal));
        Assert.True(rendered == doc, "docs/alerts.md renderings drifted from the code: run LAMBDAGUARD_UPDATE_DOCS=1 dotnet test test/LambdaGuard.Core.Tests --filter AlertsDocRenderingTests and review the diff");
    }

    private static Dictionary<string, string> Render()
    {
        var finding = Detections.FindingOf("Alerts/alert-cases.json", "alert-code-sha");
        var message = new AlertBuilder().Build(finding, DetectedAt, SuppressionCheck.Checked);
        using var structure = JsonDocument.Parse(message.Message);
        string Key(string key) => structure.RootElement.GetProperty(key).GetString()!;
        var alert = JsonDocument.Parse(Key("sqs")).RootElement;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["subject"] = message.Subject,
            ["email"] = Key("email"),
            ["chat"] = Indent(Key("https")),
            ["sqs"] = Indent(Key("sqs")),
            ["asff"] = Indent(AsffFinding.Json(alert, new AsffTarget("aws", "us-east-1", "111122223333"), DetectedAt)),
            ["ocsf"] = Indent(OcsfDetectionFinding.Json(alert)),
        };
    }

    private static string Indent(string json) => JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement, Pretty);

    [GeneratedRegex("<!-- rendering:(?<name>[a-z]+) -->\\n```(?<lang>[a-z]*)\\n.*?\\n```\\n<!-- /rendering -->", RegexOptions.Singleline)]
    private static partial Regex Marker();
}
