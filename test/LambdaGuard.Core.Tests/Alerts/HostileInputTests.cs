using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Alerts;

/// <summary>Function names are chosen by whoever makes the change, attackers included: they must not break
/// the alert, fake its fields, render markdown or links, or blow its size.</summary>
public sealed class HostileInputTests
{
    private static readonly DateTimeOffset DetectedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Protocols(AlertMessage message)
    {
        using var document = JsonDocument.Parse(message.Message);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static Finding HostileFinding() =>
        new Detector(new DetectorSettings()).Detect(Fixtures.Record("Reading", "control-characters.json")).Finding!;

    [Fact]
    public void Build_WhenFunctionNameHoldsControlCharacters_ShouldKeepTheSubjectPlainShortAscii()
    {
        // Act
        var message = new AlertBuilder().Build(HostileFinding(), DetectedAt, SuppressionCheck.Checked);

        // Assert
        Assert.True(message.Subject.Length < 100, message.Subject);
        Assert.All(message.Subject, c => Assert.InRange(c, ' ', '~'));
    }

    [Fact]
    public void Build_WhenFunctionNameHoldsLineBreaks_ShouldNotLetItStartANewLineInTheText()
    {
        // Act
        var text = Protocols(new AlertBuilder().Build(HostileFinding(), DetectedAt, SuppressionCheck.Checked))["default"];

        // Assert: the name's fake "Severity: Info" stays on the Function line.
        var functionLine = Assert.Single(text.Split('\n'), l => l.StartsWith("Function:", StringComparison.Ordinal));
        Assert.Contains("Severity: Info", functionLine, StringComparison.Ordinal);
        Assert.DoesNotContain(text.Split('\n'), l => l.StartsWith("Severity: Info", StringComparison.Ordinal));
        Assert.DoesNotContain('\r', text);
        Assert.DoesNotContain('\0', text);
        Assert.DoesNotContain('\u202e', text);
        Assert.DoesNotContain('\u2028', text);
    }

    [Fact]
    public void Build_WhenFunctionNameHoldsMarkdown_ShouldEscapeItForChat()
    {
        // Act
        using var chatbot = JsonDocument.Parse(Protocols(new AlertBuilder().Build(HostileFinding(), DetectedAt, SuppressionCheck.Checked))["https"]);
        var description = chatbot.RootElement.GetProperty("content").GetProperty("description").GetString()!;

        // Assert: the name sits in code spans (where chat renders nothing), with no raw link syntax.
        var rendered = string.Concat(description.Split('`').Where((_, index) => index % 2 == 0));
        Assert.DoesNotContain("[click](https://evil", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil", description, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("*bold*", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202e', description);
        Assert.DoesNotContain('\\', description);
        Assert.Single(description.Split('\n'), l => l.StartsWith("*Call:*", StringComparison.Ordinal) && l.Contains("Severity: Info", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_WhenFunctionNameHoldsControlCharacters_ShouldKeepTheJsonValidAndTheNameIntact()
    {
        // Act
        var message = new AlertBuilder().Build(HostileFinding(), DetectedAt, SuppressionCheck.Checked);
        using var alert = JsonDocument.Parse(Protocols(message)["sqs"]);

        // Assert: machine subscribers get the exact name, JSON-escaped.
        var name = alert.RootElement.GetProperty("functionName").GetString()!;
        Assert.StartsWith("evil\0\r\nSeverity: Info\u202e*bold*", name, StringComparison.Ordinal);
    }

    [Fact]
    public void FindingLine_WhenFunctionNameHoldsControlCharacters_ShouldStayOneJsonLine()
    {
        // Act
        var line = FindingJson.FindingLine(HostileFinding(), null, 16 * 1024);

        // Assert
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);
        using var parsed = JsonDocument.Parse(line);
        Assert.Equal("LG001", parsed.RootElement.GetProperty("ruleId").GetString());
    }

    [Fact]
    public void Detect_WhenFunctionNameIs10MB_ShouldGiveABoundedFindingAndAlert()
    {
        // Arrange
        var name = new string('f', 10 * 1024 * 1024);
        var json = Fixtures.Text("Reading", "huge-name-template.json").Replace("HUGE_NAME", name, StringComparison.Ordinal);
        var items = new CloudTrailReader { MaxRecordBytes = 16 * 1024 * 1024 }.Read(Encoding.UTF8.GetBytes(json), "huge.json", new ReadCounters()).ToList();
        var huge = Assert.Single(items, i => i.Record?.EventId == "huge-1");

        // Act
        var finding = new Detector(new DetectorSettings()).Detect(huge.Record!, huge.Location).Finding!;
        var line = FindingJson.FindingLine(finding, null, 16 * 1024);
        var message = new AlertBuilder().Build(finding, DetectedAt, SuppressionCheck.Checked);

        // Assert
        Assert.Equal(3, items.Count);
        Assert.Equal(1, huge.Location.Index);
        Assert.True(finding.Summary.Length < 1024, $"summary is {finding.Summary.Length} chars");
        Assert.True(line.Length < 64 * 1024, $"finding line is {line.Length} chars");
        Assert.True(AlertEnvelope.SizeOf(message) <= AlertEnvelope.MaxEnvelopeBytes);
        Assert.True(message.Subject.Length < 100);
        using var parsed = JsonDocument.Parse(line);
        var shown = parsed.RootElement.GetProperty("functionName").GetString()!;
        Assert.StartsWith("ffff", shown, StringComparison.Ordinal);
        Assert.Contains("chars]", shown, StringComparison.Ordinal);
    }
}
