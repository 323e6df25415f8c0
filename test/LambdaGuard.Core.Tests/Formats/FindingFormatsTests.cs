using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Formats;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Formats;

public sealed class FindingFormatsTests
{
    private static readonly DateTimeOffset DetectedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AlertOf_WhenActorIsCrossAccount_ShouldOfferTheSameSuppressionCommandAsTheFunctionsAlert(bool trusted)
    {
        // Arrange: the function builds alerts without the settings; scan formats have them
        var settings = new DetectorSettings { TrustedAccountGlobs = trusted ? ["999999999999"] : [] };
        var finding = Detections.FindingOf("Alerts/alert-cases.json", "alert-cross-account", settings);
        var functionAlert = new AlertBuilder().Build(finding, DetectedAt, SuppressionCheck.Checked);
        using var functionDocument = JsonDocument.Parse(functionAlert.Message);
        using var functionJson = JsonDocument.Parse(functionDocument.RootElement.GetProperty("sqs").GetString()!);

        // Act
        using var scanned = FindingFormats.AlertOf(finding, DetectedAt, settings);

        // Assert
        var scanCommand = scanned.RootElement.GetProperty("suppressionCommand");
        Assert.Equal(functionJson.RootElement.GetProperty("suppressionCommand").GetString(), scanCommand.GetString());
        Assert.Equal(trusted, scanCommand.ValueKind == JsonValueKind.String);
    }
}
