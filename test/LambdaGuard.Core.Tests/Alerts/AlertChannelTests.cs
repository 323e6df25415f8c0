using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Alerts;

/// <summary>What each key of the MessageStructure document shows the on-call engineer (issue 14): chat without
/// backslashes, threads per account and function, links, and the pinned suppression command.</summary>
public sealed class AlertChannelTests
{
    private const string Cases = "Alerts/alert-cases.json";
    private const string Alice = "arn:aws:iam::123456789012:user/alice";

    private static readonly DateTimeOffset DetectedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly string[] MachineKeys = ["sqs", "lambda", "firehose", "email-json"];

    private static readonly string[] TextKeys = ["default", "email"];

    private static Dictionary<string, string> Protocols(AlertMessage message)
    {
        using var document = JsonDocument.Parse(message.Message);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    /// <param name="trusted">The detector's trusted accounts; the alert builder, like the function's, gets none.</param>
    private static AlertMessage Alert(string file, string eventId, IReadOnlyList<string>? trusted = null) =>
        new AlertBuilder().Build(Detections.FindingOf(file, eventId, new DetectorSettings { TrustedAccountGlobs = trusted ?? [] }), DetectedAt, SuppressionCheck.Checked);

    private static JsonElement Content(AlertMessage message) =>
        JsonDocument.Parse(Protocols(message)["https"]).RootElement.GetProperty("content");

    private static string Description(AlertMessage message) => Content(message).GetProperty("description").GetString()!;

    private static string ThreadIdOf(AlertMessage message) =>
        JsonDocument.Parse(Protocols(message)["https"]).RootElement.GetProperty("metadata").GetProperty("threadId").GetString()!;

    /// <summary>The description with every inline code span removed: what chat renders as markdown.</summary>
    private static string OutsideCodeSpans(string description) =>
        string.Concat(description.Split('`').Where((_, index) => index % 2 == 0));

    [Fact]
    public void Https_WhenActorIsAnArn_ShouldShowItCopyableInACodeSpanWithoutBackslashes()
    {
        // Act
        var message = Alert("Rules/lg001-code-updated.json", "lg001-iam-user");
        var content = Content(message);

        // Assert
        var description = content.GetProperty("description").GetString()!;
        Assert.Contains($"`{Alice}`", description, StringComparison.Ordinal);
        Assert.Contains("`orders-api`", description, StringComparison.Ordinal);
        Assert.DoesNotContain('\\', description);
        Assert.DoesNotContain('\\', content.GetProperty("title").GetString()!);
        Assert.Equal(0, description.Count(c => c == '`') % 2);
    }

    [Fact]
    public void Https_WhenValuesHoldMentionsLinksAndMarkdown_ShouldKeepThemInsideCodeSpansAndDefused()
    {
        // Act
        var description = Description(Alert(Cases, "alert-mentions"));

        // Assert: the hostile user agent never reaches chat as markup.
        Assert.DoesNotContain("<!channel>", description, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil", description, StringComparison.Ordinal);
        var rendered = OutsideCodeSpans(description);
        Assert.DoesNotContain("evil", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain('<', rendered);
        Assert.DoesNotContain('\\', description);
    }

    [Fact]
    public void Https_WhenFunctionNameHoldsLineBreaksAndBackticks_ShouldStayInOneCodeSpanOnOneLine()
    {
        // Arrange
        var finding = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");
        finding = finding with { Target = finding.Target with { FunctionName = "x`\n*Severity:* Info `<!here>`\u202e" } };

        // Act
        var description = Description(new AlertBuilder().Build(finding, DetectedAt, SuppressionCheck.Checked));

        // Assert
        var callLine = Assert.Single(description.Split('\n'), l => l.StartsWith("*Call:*", StringComparison.Ordinal));
        Assert.Contains("`x\u02CB[U+000A]*Severity:* Info \u02CB&lt;!here&gt;\u02CB[U+202E]`", callLine, StringComparison.Ordinal);
        Assert.DoesNotContain(description.Split('\n'), l => l.StartsWith("*Severity:*", StringComparison.Ordinal));
    }

    [Fact]
    public void Https_WhenTwoRulesFireOnOneFunction_ShouldShareOneThreadPerAccountAndFunction()
    {
        // Act
        var codeUpdate = ThreadIdOf(Alert("Rules/lg001-code-updated.json", "lg001-iam-user"));
        var sameFunctionOtherEvent = ThreadIdOf(Alert(Cases, "alert-code-sha"));
        var publicUrl = ThreadIdOf(Alert("Rules/lg005-public-url.json", "lg005-create-none"));
        var otherFunction = ThreadIdOf(Alert(Cases, "alert-other-function"));

        // Assert
        Assert.Equal("lambdaguard-123456789012-orders-api", codeUpdate);
        Assert.Equal(codeUpdate, sameFunctionOtherEvent);
        Assert.Equal(codeUpdate, publicUrl);
        Assert.NotEqual(codeUpdate, otherFunction);
        Assert.DoesNotContain("LG001", codeUpdate, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKey_WhenCodeWasUpdated_ShouldCarryTheLinksTheCodeHashAndTheSuppressionCommand()
    {
        // Arrange
        const string Console = "https://us-east-1.console.aws.amazon.com/lambda/home?region=us-east-1#/functions/orders-api";
        const string Trail = "https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region=us-east-1#/events/alert-code-sha";
        const string Sha = "n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=";

        // Act
        var protocols = Protocols(Alert(Cases, "alert-code-sha"));
        var command = SuppressionCommand.For(Detections.FindingOf(Cases, "alert-code-sha"));

        // Assert
        Assert.NotNull(command);
        foreach (var key in TextKeys)
        {
            Assert.Contains($"CloudTrail event: {Trail}", protocols[key], StringComparison.Ordinal);
            Assert.Contains($"Function console: {Console}", protocols[key], StringComparison.Ordinal);
            Assert.Contains($"Code SHA-256: {Sha}", protocols[key], StringComparison.Ordinal);
            Assert.Contains(command, protocols[key], StringComparison.Ordinal);
        }

        foreach (var key in MachineKeys)
        {
            var alert = JsonDocument.Parse(protocols[key]).RootElement;
            Assert.Equal(Trail, alert.GetProperty("links").GetProperty("cloudTrailEvent").GetString());
            Assert.Equal(Console, alert.GetProperty("links").GetProperty("functionConsole").GetString());
            Assert.Equal(JsonValueKind.Null, alert.GetProperty("links").GetProperty("functionUrl").ValueKind);
            Assert.Equal(Sha, alert.GetProperty("codeSha256").GetString());
            Assert.Equal(command, alert.GetProperty("suppressionCommand").GetString());
        }

        var chat = JsonDocument.Parse(protocols["https"]).RootElement.GetProperty("content").GetProperty("description").GetString()!;
        Assert.Contains(Trail, chat, StringComparison.Ordinal);
        Assert.Contains(Console, chat, StringComparison.Ordinal);
        Assert.Contains($"`{Sha}`", chat, StringComparison.Ordinal);
        Assert.Contains($"`{command}`", chat, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKey_WhenFunctionUrlWasOpened_ShouldCarryThePublicUrl()
    {
        // Act
        var protocols = Protocols(Alert("Rules/lg005-public-url.json", "lg005-create-none"));

        // Assert
        const string Url = "https://abc.lambda-url.us-east-1.on.aws/";
        Assert.All(TextKeys, key => Assert.Contains($"Public function URL: {Url}", protocols[key], StringComparison.Ordinal));
        Assert.All(MachineKeys, key => Assert.Equal(Url, JsonDocument.Parse(protocols[key]).RootElement.GetProperty("links").GetProperty("functionUrl").GetString()));
        Assert.Contains($"`{Url}`", Description(Alert("Rules/lg005-public-url.json", "lg005-create-none")), StringComparison.Ordinal);
    }

    [Fact]
    public void SuppressionCommand_WhenHumanChangedAFunction_ShouldPinPrincipalRuleFunctionAccountAnd30Days()
    {
        // Act
        var command = SuppressionCommand.For(Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user"));

        // Assert
        Assert.NotNull(command);
        Assert.StartsWith("lambdaguard suppressions add --id lg001-orders-api-", command, StringComparison.Ordinal);
        Assert.EndsWith(
            $"--reason 'TICKET: why this is expected' --expires-at 30d --principal '{Alice}' --rule-id LG001 --function 'orders-api' --account 123456789012",
            command,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Rules/lg010-own-resources.json", "lg010-human")]
    [InlineData("Rules/lg001-code-updated.json", "lg001-root")]
    [InlineData(Cases, "alert-cross-account")]
    public void SuppressionCommand_WhenSilencingIsNotAnAnswer_ShouldBeOfferedNowhere(string file, string eventId)
    {
        // Act
        var message = Alert(file, eventId);
        var protocols = Protocols(message);

        // Assert
        Assert.All(TextKeys, key => Assert.DoesNotContain("--expires-at 30d", protocols[key], StringComparison.Ordinal));
        Assert.DoesNotContain("--expires-at 30d", Description(message), StringComparison.Ordinal);
        Assert.All(MachineKeys, key => Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(protocols[key]).RootElement.GetProperty("suppressionCommand").ValueKind));
    }

    [Fact]
    public void SuppressionCommand_WhenCrossAccountActorIsTrusted_ShouldBeOffered()
    {
        // Act
        var message = Alert(Cases, "alert-cross-account", ["999999999999"]);

        // Assert
        const string Pinned = "--principal 'arn:aws:iam::999999999999:user/mallory'";
        var protocols = Protocols(message);
        Assert.All(TextKeys, key => Assert.Contains(Pinned, protocols[key], StringComparison.Ordinal));
        Assert.All(MachineKeys, key => Assert.Contains(Pinned, JsonDocument.Parse(protocols[key]).RootElement.GetProperty("suppressionCommand").GetString(), StringComparison.Ordinal));
        Assert.Contains(Pinned, Description(message), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenValuesHoldLoneSurrogates_ShouldStillBuildEveryKey()
    {
        // Arrange
        var finding = Detections.FindingOf("Rules/lg001-code-updated.json", "lg001-iam-user");
        finding = finding with
        {
            Summary = "summary \udc00",
            Reasons = ["reason \ud800"],
            Target = finding.Target with { FunctionName = "orders\udc00api" },
        };

        // Act
        var message = new AlertBuilder().Build(finding, DetectedAt, SuppressionCheck.Checked);
        var line = FindingJson.FindingLine(finding, null, 16 * 1024);
        var protocols = Protocols(message);

        // Assert
        Assert.Equal(7, protocols.Count);
        Assert.Equal("orders\uFFFDapi", JsonDocument.Parse(protocols["sqs"]).RootElement.GetProperty("functionName").GetString());
        Assert.Contains("`orders\uFFFDapi`", Description(message), StringComparison.Ordinal);
        Assert.Contains("orders\uFFFDapi", protocols["email"], StringComparison.Ordinal);
        Assert.Equal("orders\uFFFDapi", JsonDocument.Parse(line).RootElement.GetProperty("functionName").GetString());
    }

    [Fact]
    public void AsAlertJson_WhenAlertIsStructured_ShouldGiveTheSqsDocumentAsAPlainMessageWithTheSameAttributes()
    {
        // Arrange
        var message = Alert("Rules/lg001-code-updated.json", "lg001-iam-user");

        // Act
        var plain = message.AsAlertJson();

        // Assert
        Assert.False(plain.Structured);
        Assert.True(message.Structured);
        Assert.Equal(Protocols(message)["sqs"], plain.Message);
        Assert.Equal(message.Attributes, plain.Attributes);
        Assert.Equal(message.Subject, plain.Subject);
        Assert.Equal("lambdaguard.alert/v1", JsonDocument.Parse(plain.Message).RootElement.GetProperty("schema").GetString());
    }
}
