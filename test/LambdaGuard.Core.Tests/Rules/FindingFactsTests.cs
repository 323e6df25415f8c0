using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Rules;

/// <summary>docs/detections.md §3 and §6: facts a finding carries beyond its rule and severity.</summary>
public sealed class FindingFactsTests
{
    [Fact]
    public void FindingLine_WhenSessionHasSourceIdentity_ShouldNameIt()
    {
        // Arrange
        var finding = Detections.FindingOf("Rules/policy-v2-gates.json", "v2-source-identity-star");

        // Act
        using var json = JsonDocument.Parse(FindingJson.FindingLine(finding, null, 4096));

        // Assert
        Assert.Equal("alice@example.com", json.RootElement.GetProperty("actor").GetProperty("sourceIdentity").GetString());
        Assert.Equal("Automation", json.RootElement.GetProperty("actor").GetProperty("class").GetString());
    }

    [Fact]
    public void FindingLine_WhenSessionHasNoSourceIdentity_ShouldLeaveTheFieldOut()
    {
        // Arrange
        var finding = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");

        // Act
        using var json = JsonDocument.Parse(FindingJson.FindingLine(finding, null, 4096));

        // Assert: additive to lambdaguard.finding/v1, so earlier documents stay byte-identical.
        Assert.False(json.RootElement.GetProperty("actor").TryGetProperty("sourceIdentity", out _));
        Assert.False(json.RootElement.GetProperty("target").TryGetProperty("destinations", out _));
    }

    [Fact]
    public void Detect_WhenCodeComesFromS3_ShouldRecordTheBucketWithoutJudgingIt()
    {
        // Act
        var finding = Detections.FindingOf("Rules/lg006-foreign-code.json", "lg006-s3-code");
        using var json = JsonDocument.Parse(FindingJson.FindingLine(finding, null, 4096));

        // Assert
        Assert.Equal("LG001", finding.RuleId);
        Assert.Equal("someone-elses-artifacts", json.RootElement.GetProperty("target").GetProperty("codeS3Bucket").GetString());
    }

    [Fact]
    public void FindingLine_WhenFunctionWiredOutside_ShouldListTheDestinations()
    {
        // Arrange
        var finding = Detections.FindingOf("Rules/lg012-wiring.json", "lg012-on-failure-foreign-queue");

        // Act
        using var json = JsonDocument.Parse(FindingJson.FindingLine(finding, null, 4096));

        // Assert
        var destination = Assert.Single(json.RootElement.GetProperty("target").GetProperty("destinations").EnumerateArray());
        Assert.Equal("onFailure arn:aws:sqs:us-east-1:999999999999:collector", destination.GetString());
    }

    [Fact]
    public void Detect_WhenRootCallFails_ShouldBeAnAttemptAndNotRaisedToCritical()
    {
        // Act
        var finding = Detections.FindingOf("Rules/policy-v2-gates.json", "v2-root-failed");

        // Assert
        Assert.True(finding.FailedAttempt);
        Assert.Contains("tried to call", finding.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(finding.Reasons, r => r.Contains("made with the account's root user", StringComparison.Ordinal));
    }
}
