using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Alerts;

/// <summary>The SNS message of docs/interfaces.md ("Alert message — lambdaguard.alert/v1").</summary>
public sealed class AlertBuilderTests
{
    private static readonly DateTimeOffset DetectedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static Finding AliceCodeUpdate() => Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");

    private static Dictionary<string, string> Protocols(AlertMessage message)
    {
        using var document = JsonDocument.Parse(message.Message);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static JsonElement Sqs(AlertMessage message) => JsonDocument.Parse(Protocols(message)["sqs"]).RootElement;

    [Fact]
    public void Build_WhenFindingGiven_ShouldCarryATextPerProtocol()
    {
        // Act
        var message = new AlertBuilder().Build(AliceCodeUpdate(), DetectedAt, SuppressionCheck.Checked);
        var protocols = Protocols(message);

        // Assert
        Assert.Equal("json", AlertMessage.MessageStructure);
        Assert.Equal(["default", "email", "sqs", "lambda", "firehose", "email-json", "https"], protocols.Keys);
        Assert.Equal(protocols["default"], protocols["email"]);
        Assert.Equal(protocols["sqs"], protocols["lambda"]);
        Assert.Equal(protocols["sqs"], protocols["firehose"]);
        Assert.Equal(protocols["sqs"], protocols["email-json"]);
        Assert.Contains("LG001", protocols["default"], StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::123456789012:user/alice", protocols["default"], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenFindingGiven_ShouldWriteTheAlertSchemaForMachineSubscribers()
    {
        // Act
        var message = new AlertBuilder().Build(AliceCodeUpdate(), DetectedAt, SuppressionCheck.Checked);
        var alert = Sqs(message);

        // Assert
        Assert.Equal("lambdaguard.alert/v1", alert.GetProperty("schema").GetString());
        Assert.Equal(message.AlertId, alert.GetProperty("alertId").GetString());
        Assert.Equal("LG001", alert.GetProperty("ruleId").GetString());
        Assert.Equal("High", alert.GetProperty("severity").GetString());
        Assert.Equal("lg001-iam-user", alert.GetProperty("eventId").GetString());
        Assert.Equal("UpdateFunctionCode", alert.GetProperty("api").GetString());
        Assert.Equal("orders-api", alert.GetProperty("functionName").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/alice", alert.GetProperty("actor").GetProperty("principal").GetString());
        Assert.Equal("2026-11-20T12:00:00Z", alert.GetProperty("detectedAt").GetString());
        Assert.Equal("checked", alert.GetProperty("suppressionCheck").GetString());
        Assert.False(alert.GetProperty("suppressed").GetBoolean());
        Assert.NotEmpty(alert.GetProperty("reasons").EnumerateArray());
        Assert.NotEmpty(alert.GetProperty("runbook").EnumerateArray());
        var mitre = alert.GetProperty("mitre").EnumerateArray().ToList();
        Assert.NotEmpty(mitre);
        Assert.All(mitre, m => Assert.StartsWith("T", m.GetProperty("techniqueId").GetString(), StringComparison.Ordinal));
        Assert.Equal(
            "https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/lg001-iam-user",
            alert.GetProperty("links").GetProperty("cloudTrailEvent").GetString());
        Assert.Equal("orders-api", alert.GetProperty("requestParameters").GetProperty("functionName").GetString());
    }

    [Fact]
    public void Build_WhenFindingGiven_ShouldGiveChatbotACustomNotification()
    {
        // Act
        var message = new AlertBuilder().Build(AliceCodeUpdate(), DetectedAt, SuppressionCheck.Checked);
        using var chatbot = JsonDocument.Parse(Protocols(message)["https"]);

        // Assert
        var root = chatbot.RootElement;
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Equal("custom", root.GetProperty("source").GetString());
        var content = root.GetProperty("content");
        Assert.Contains("LG001", content.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("orders", content.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenFindingGiven_ShouldSetFilterAttributes()
    {
        // Act
        var message = new AlertBuilder().Build(AliceCodeUpdate(), DetectedAt, SuppressionCheck.Checked);

        // Assert
        Assert.Equal("High", message.Attributes["severity"]);
        Assert.Equal("LG001", message.Attributes["ruleId"]);
        Assert.Equal("UpdateFunctionCode", message.Attributes["api"]);
        Assert.Equal("123456789012", message.Attributes["account"]);
        Assert.Equal("Human", message.Attributes["actorClass"]);
    }

    [Fact]
    public void Build_WhenSameEventIsDeliveredTwice_ShouldGiveTheSameAlertId()
    {
        // Act
        var first = new AlertBuilder().Build(AliceCodeUpdate(), DetectedAt, SuppressionCheck.Checked);
        var second = new AlertBuilder().Build(AliceCodeUpdate(), DetectedAt.AddMinutes(5), SuppressionCheck.Unavailable, "timeout");

        // Assert
        Assert.Equal(first.AlertId, second.AlertId);
        Assert.Matches("^[0-9a-f]{64}$", first.AlertId);
    }

    [Fact]
    public void AlertId_WhenRuleOrEventDiffers_ShouldDiffer()
    {
        // Arrange
        var asLayerRule = Detections.FindingOf("Rules/lg006-untrusted-layer.json", "lg006-update-untrusted");
        var sameEventAsConfigRule = Detections.FindingOf("Rules/lg006-untrusted-layer.json", "lg006-update-untrusted", new DetectorSettings { TrustedAccountGlobs = ["999999999999"] });
        var otherEvent = Detections.FindingOf("Rules/lg006-untrusted-layer.json", "lg006-layer-objects");

        // Act
        string[] ids = [AlertIds.For(asLayerRule), AlertIds.For(sameEventAsConfigRule), AlertIds.For(otherEvent)];

        // Assert
        Assert.Equal("LG003", sameEventAsConfigRule.RuleId);
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public void AlertId_WhenRecordHasNoEventId_ShouldHashTheWholeRecord()
    {
        // Arrange
        var detector = new Detector(new DetectorSettings());
        var read = Fixtures.ReadAll(Fixtures.Bytes("Reading", "no-event-id.json"));
        var again = Fixtures.ReadAll(Fixtures.Bytes("Reading", "no-event-id.json"));

        // Act
        var first = AlertIds.For(detector.Detect(read[0].Record!).Finding!);
        var firstAgain = AlertIds.For(detector.Detect(again[0].Record!).Finding!);
        var second = AlertIds.For(detector.Detect(read[1].Record!).Finding!);

        // Assert
        Assert.Equal(first, firstAgain);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Build_WhenRequestParametersAre250KB_ShouldFitTheEnvelopeAndKeepTheFacts()
    {
        // Arrange
        var json = Fixtures.Text("Reading", "large-parameters-template.json").Replace("LARGE_VALUE", new string('x', 250 * 1024), StringComparison.Ordinal);
        var finding = new Detector(new DetectorSettings()).Detect(Fixtures.Parse(json)).Finding!;

        // Act: even a builder allowed to carry 1 MiB of parameters must shrink them to fit.
        var messages = new[] { new AlertBuilder().Build(finding, DetectedAt, SuppressionCheck.Checked), new AlertBuilder(1024 * 1024).Build(finding, DetectedAt, SuppressionCheck.Checked) };

        // Assert
        Assert.All(messages, message =>
        {
            Assert.True(Encoding.UTF8.GetByteCount(message.Message) + Encoding.UTF8.GetByteCount(message.Subject) < 256 * 1024);
            Assert.True(AlertEnvelope.SizeOf(message) <= AlertEnvelope.MaxEnvelopeBytes);
            var alert = Sqs(message);
            Assert.Equal("large-1", alert.GetProperty("eventId").GetString());
            Assert.Equal("orders-api", alert.GetProperty("functionName").GetString());
            Assert.Equal("arn:aws:iam::123456789012:user/alice", alert.GetProperty("actor").GetProperty("principal").GetString());
            var parameters = alert.GetProperty("requestParameters");
            Assert.True(parameters.GetProperty("truncated").GetBoolean());
            Assert.True(parameters.GetProperty("originalBytes").GetInt32() > 250 * 1024);
        });
    }

    [Fact]
    public void Build_WhenSuppressionCheckUnavailable_ShouldSaySoInEveryChannel()
    {
        // Act
        var message = new AlertBuilder().Build(AliceCodeUpdate(), DetectedAt, SuppressionCheck.Unavailable, "DynamoDB: ProvisionedThroughputExceededException");
        var protocols = Protocols(message);
        var alert = Sqs(message);

        // Assert
        Assert.Contains("Suppression check unavailable", protocols["default"], StringComparison.Ordinal);
        Assert.Contains("ProvisionedThroughputExceededException", protocols["default"], StringComparison.Ordinal);
        Assert.Contains("Suppression check unavailable", protocols["https"], StringComparison.Ordinal);
        Assert.Equal("unavailable", alert.GetProperty("suppressionCheck").GetString());
        Assert.Contains("ProvisionedThroughputExceededException", alert.GetProperty("suppressionCheckError").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenSuppressionWasChecked_ShouldNotWarn()
    {
        // Act
        var message = new AlertBuilder().Build(AliceCodeUpdate(), DetectedAt, SuppressionCheck.Checked);

        // Assert
        Assert.DoesNotContain("unavailable", message.Message, StringComparison.OrdinalIgnoreCase);
    }
}
