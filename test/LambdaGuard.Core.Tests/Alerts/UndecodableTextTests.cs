using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Alerts;

/// <summary>The reader repairs undecodable text, but a finding can be built from a record that never went
/// through it: writing the finding or the alert must still never throw.</summary>
public sealed class UndecodableTextTests
{
    private static readonly DateTimeOffset DetectedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, byte[]> Parameters => new()
    {
        { "lone surrogate escape", Encoding.UTF8.GetBytes("{\"functionName\":\"orders-api\",\"description\":\"a\\udc00b\"}") },
        { "invalid UTF-8", [.. Encoding.UTF8.GetBytes("{\"functionName\":\"orders-api\",\"description\":\"a"), 0xff, 0xfe, .. Encoding.UTF8.GetBytes("b\"}")] },
    };

    [Theory]
    [MemberData(nameof(Parameters))]
    public void FindingLineAndBuild_WhenParametersHoldUndecodableText_ShouldMarkThemInsteadOfThrowing(string what, byte[] parameters)
    {
        // Arrange
        var record = Fixtures.Record("Reading", "single-record.json");
        record.RequestParameters = JsonDocument.Parse(parameters).RootElement;
        record.UserAgent = "agent\udc00";
        var finding = new Detector(new DetectorSettings()).Detect(record).Finding!;

        // Act
        var line = FindingJson.FindingLine(finding, null, 16 * 1024);
        var message = new AlertBuilder().Build(finding, DetectedAt, SuppressionCheck.Checked);

        // Assert
        using var parsed = JsonDocument.Parse(line);
        Assert.True(parsed.RootElement.GetProperty("requestParameters").GetProperty("unreadable").GetBoolean(), what);
        Assert.Equal("agent\uFFFD", parsed.RootElement.GetProperty("event").GetProperty("userAgent").GetString());
        Assert.Equal("LG001", finding.RuleId);
        Assert.Contains("LG001", message.Subject, StringComparison.Ordinal);
    }
}
