using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Formats;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Formats;

public sealed class AsffFindingTests
{
    private static readonly DateTimeOffset DetectedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static JsonElement AlertJson(Finding finding, DateTimeOffset detectedAt)
    {
        var message = new AlertBuilder().Build(finding, detectedAt, SuppressionCheck.Checked);
        return JsonDocument.Parse(message.AsAlertJson().Message).RootElement;
    }

    [Fact]
    public void Json_WhenImportedByAnotherAccount_ShouldBelongToTheCallerAndNameTheMemberInResourceAndProductFields()
    {
        // Arrange: the detector runs in 111122223333; the change happened in 123456789012.
        var finding = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");
        var target = new AsffTarget("aws", "us-east-1", "111122223333");

        // Act
        var asff = JsonDocument.Parse(AsffFinding.Json(AlertJson(finding, DetectedAt), target, DetectedAt)).RootElement;

        // Assert
        Assert.Equal("111122223333", asff.GetProperty("AwsAccountId").GetString());
        Assert.Equal("arn:aws:securityhub:us-east-1:111122223333:product/111122223333/default", asff.GetProperty("ProductArn").GetString());
        Assert.Equal("123456789012", asff.GetProperty("ProductFields").GetProperty("lambdaguard/account").GetString());
        var resource = Assert.Single(asff.GetProperty("Resources").EnumerateArray());
        Assert.Equal("AwsLambdaFunction", resource.GetProperty("Type").GetString());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders-api", resource.GetProperty("Id").GetString());
        Assert.Equal("HIGH", asff.GetProperty("FindingProviderFields").GetProperty("Severity").GetProperty("Label").GetString());
        Assert.Contains("TTPs/Persistence/", asff.GetProperty("FindingProviderFields").GetProperty("Types")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal("2026-11-20T09:00:00.000Z", asff.GetProperty("CreatedAt").GetString());
    }

    [Fact]
    public void Json_WhenTheSameEventIsRedelivered_ShouldKeepTheIdSoSecurityHubUpdatesTheFinding()
    {
        // Arrange
        var finding = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");
        var target = new AsffTarget("aws", "us-east-1", "123456789012");

        // Act
        var first = JsonDocument.Parse(AsffFinding.Json(AlertJson(finding, DetectedAt), target, DetectedAt)).RootElement;
        var again = JsonDocument.Parse(AsffFinding.Json(AlertJson(finding, DetectedAt.AddMinutes(3)), target, DetectedAt.AddMinutes(3))).RootElement;

        // Assert
        Assert.Equal(first.GetProperty("Id").GetString(), again.GetProperty("Id").GetString());
        Assert.Equal(AsffFinding.Id(AlertIds.For(finding)), first.GetProperty("Id").GetString());
        Assert.NotEqual(first.GetProperty("UpdatedAt").GetString(), again.GetProperty("UpdatedAt").GetString());
    }

    [Fact]
    public void SchemaSubset_WhenADocumentBreaksIt_ShouldNameEachProblem()
    {
        // Arrange
        var schema = SchemaSubset.Load("asff-2018-10-08.subset.json");
        var broken = JsonDocument.Parse("""{"SchemaVersion":"2018-10-08","Id":"x","AwsAccountId":"12","Severity":{"Label":"SEVERE"},"Resources":[],"Types":["Bogus/Type"]}""").RootElement;

        // Act
        var problems = schema.Problems(broken);

        // Assert
        Assert.Contains(problems, p => p.StartsWith("ProductArn: required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("AwsAccountId:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Severity.Label:", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Resources: fewer than 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Types[0]:", StringComparison.Ordinal));
    }
}
