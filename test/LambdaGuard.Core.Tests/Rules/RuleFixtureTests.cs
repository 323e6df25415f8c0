using System.Text.Json;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Rules;

/// <summary>Every rule fixture <c>Fixtures/Rules/X.json</c> has its expected results beside it in
/// <c>X.expected.json</c> (docs/detections.md §2–§4): one case per record and settings, each saying why.</summary>
public sealed class RuleFixtureTests
{
    private const string ExpectedSuffix = ".expected.json";

    public static TheoryData<string, int, string> Cases()
    {
        var data = new TheoryData<string, int, string>();
        foreach (var expectedFile in ExpectedFiles())
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(expectedFile));
            var index = 0;
            foreach (var expected in document.RootElement.GetProperty("cases").EnumerateArray())
            {
                data.Add(FixtureOf(expectedFile), index++, expected.GetProperty("eventId").GetString()!);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Detect_WhenRuleFixtureEvaluated_ShouldGiveTheExpectedResult(string fixture, int index, string eventId)
    {
        // Arrange
        using var document = JsonDocument.Parse(Fixtures.Bytes("Rules", Path.GetFileNameWithoutExtension(fixture) + ExpectedSuffix));
        var expected = document.RootElement.GetProperty("cases")[index];
        var settings = SettingsOf(document.RootElement, expected);
        var record = Fixtures.RecordById(Path.Combine("Rules", fixture), eventId);

        // Act
        var result = new Detector(settings).Detect(record);

        // Assert
        var why = expected.TryGetProperty("why", out var w) ? w.GetString() : null;
        var label = $"{fixture} {eventId} ({why})";
        Assert.True(expected.GetProperty("decision").GetString() == result.Decision.ToString(), $"{label}: decision {result.Decision}, finding {result.Finding?.RuleId} {result.Finding?.Severity}");
        if (result.Finding is not { } finding)
        {
            return;
        }

        Assert.True(expected.GetProperty("ruleId").GetString() == finding.RuleId, $"{label}: rule {finding.RuleId}");
        Assert.True(expected.GetProperty("severity").GetString() == finding.Severity.ToString(), $"{label}: severity {finding.Severity}; reasons: {string.Join(" | ", finding.Reasons)}");
        Assert.Equal(expected.GetProperty("alsoMatched").EnumerateArray().Select(e => e.GetString()), finding.AlsoMatched);
        Assert.NotEmpty(finding.Reasons);
        if (expected.TryGetProperty("reasonContains", out var fragments))
        {
            foreach (var fragment in fragments.EnumerateArray().Select(e => e.GetString()!))
            {
                Assert.True(finding.Reasons.Any(r => r.Contains(fragment, StringComparison.Ordinal)), $"{label}: no reason contains '{fragment}': {string.Join(" | ", finding.Reasons)}");
            }
        }
    }

    [Fact]
    public void Fixtures_WhenListed_ShouldEachHaveExpectedResultsForEveryRecord()
    {
        // Arrange
        var folder = Fixtures.PathOf("Rules");
        var fixtures = Directory.GetFiles(folder, "*.json").Where(f => !f.EndsWith(ExpectedSuffix, StringComparison.Ordinal)).ToList();

        // Act & Assert: no fixture without expectations, no record left unchecked, no expectation without a record.
        Assert.NotEmpty(fixtures);
        foreach (var fixture in fixtures)
        {
            var expectedFile = Path.ChangeExtension(fixture, null) + ExpectedSuffix;
            Assert.True(File.Exists(expectedFile), $"{Path.GetFileName(fixture)} has no {Path.GetFileName(expectedFile)} beside it");
            var recordIds = Fixtures.ReadAll(File.ReadAllBytes(fixture), fixture).Select(item => item.Record?.EventId).ToHashSet();
            using var document = JsonDocument.Parse(File.ReadAllBytes(expectedFile));
            var expectedIds = document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("eventId").GetString()).ToHashSet();
            Assert.True(recordIds.SetEquals(expectedIds), $"{Path.GetFileName(fixture)}: records [{string.Join(", ", recordIds.Except(expectedIds))}] unexpected, expectations [{string.Join(", ", expectedIds.Except(recordIds))}] without a record");
        }
    }

    private static IEnumerable<string> ExpectedFiles() =>
        Directory.GetFiles(Fixtures.PathOf("Rules"), "*" + ExpectedSuffix).Order(StringComparer.Ordinal);

    private static string FixtureOf(string expectedFile) =>
        Path.GetFileName(expectedFile)[..^ExpectedSuffix.Length] + ".json";

    /// <summary>The file's settings, then the case's: a key given in the case replaces the file's.</summary>
    private static DetectorSettings SettingsOf(JsonElement file, JsonElement expected)
    {
        var settings = new DetectorSettings();
        foreach (var source in new[] { file, expected })
        {
            if (!source.TryGetProperty("settings", out var s))
            {
                continue;
            }

            if (s.TryGetProperty("ownFunction", out var own))
            {
                settings = settings with { OwnFunctionGlob = own.GetString()! };
            }

            if (s.TryGetProperty("humanRoles", out var roles))
            {
                settings = settings with { HumanRoleGlobs = roles.EnumerateArray().Select(e => e.GetString()!).ToList() };
            }

            if (s.TryGetProperty("trustedAccounts", out var accounts))
            {
                settings = settings with { TrustedAccountGlobs = accounts.EnumerateArray().Select(e => e.GetString()!).ToList() };
            }

            if (s.TryGetProperty("trustedOrganizationId", out var org))
            {
                settings = settings with { TrustedOrganizationId = org.GetString() };
            }
        }

        return settings;
    }
}
