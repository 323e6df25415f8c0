using System.Text.Json;

namespace LambdaGuard.Cli.Tests.Scan;

/// <summary><c>lambdaguard scan</c> as docs/interfaces.md gives it, over the bundled samples and small fixtures.</summary>
public sealed class ScanCommandTests
{
    private static readonly string[] AllRules = ["LG001", "LG002", "LG003", "LG004", "LG005", "LG006", "LG007", "LG008", "LG009", "LG010", "LG012"];

    private static List<JsonElement> JsonLines(ScanRun run) =>
        run.OutLines.Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    [Fact]
    public async Task Scan_WhenSamplesScannedAsTable_ShouldListEveryRuleAndASummary()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions);

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.All(AllRules, rule => Assert.Contains(rule, run.Out, StringComparison.Ordinal));
        Assert.DoesNotContain("DeployRole", run.Out, StringComparison.Ordinal);
        var summary = run.OutLines[^1];
        Assert.StartsWith("6 files, 24 records, 22 Lambda records, 16 findings (5 Critical, 6 High, 4 Medium, 1 Low), 1 suppressed, 0 malformed, 0 unreadable files, 1 failed calls", summary, StringComparison.Ordinal);
        Assert.Contains("records/s", summary, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }

    [Fact]
    public async Task Scan_WhenFormatIsJsonl_ShouldPrintOnlyOneFindingObjectPerLine()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(run.Out.Length, run.Out.Replace("\r", string.Empty, StringComparison.Ordinal).Length);
        var findings = JsonLines(run);
        Assert.Equal(16, findings.Count);
        Assert.Equal(AllRules, findings.Select(f => f.GetProperty("ruleId").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(findings, finding =>
        {
            Assert.Equal(JsonValueKind.Object, finding.ValueKind);
            Assert.Equal("lambdaguard.finding/v1", finding.GetProperty("schema").GetString());
            foreach (var field in new[] { "ruleId", "title", "severity", "summary", "eventId", "eventName", "api", "eventTime", "account", "region" })
            {
                Assert.False(string.IsNullOrEmpty(finding.GetProperty(field).GetString()), field);
            }

            Assert.True(finding.TryGetProperty("functionName", out _));
            var actor = finding.GetProperty("actor");
            Assert.False(string.IsNullOrEmpty(actor.GetProperty("class").GetString()));
            Assert.False(string.IsNullOrEmpty(actor.GetProperty("type").GetString()));
            Assert.True(actor.TryGetProperty("principal", out _));
            Assert.True(actor.TryGetProperty("arn", out _));
            Assert.True(actor.GetProperty("crossAccount").ValueKind is JsonValueKind.True or JsonValueKind.False);
            var source = finding.GetProperty("source");
            Assert.StartsWith(ScanRun.SamplesFolder, source.GetProperty("path").GetString(), StringComparison.Ordinal);
            Assert.True(source.GetProperty("index").GetInt64() >= 0);
            Assert.False(finding.GetProperty("suppressed").GetBoolean());
            Assert.False(finding.TryGetProperty("suppressionId", out _));
        });
        Assert.Contains("16 findings", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenFormatIsJsonl_ShouldDescribeTheCodeUpdateExactly()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl");

        // Assert
        var finding = Assert.Single(JsonLines(run), f => f.GetProperty("ruleId").GetString() == "LG001");
        Assert.Equal("High", finding.GetProperty("severity").GetString());
        Assert.Equal("UpdateFunctionCode20150331v2", finding.GetProperty("eventName").GetString());
        Assert.Equal("UpdateFunctionCode", finding.GetProperty("api").GetString());
        Assert.Equal("orders-api", finding.GetProperty("functionName").GetString());
        Assert.Equal("123456789012", finding.GetProperty("account").GetString());
        Assert.Equal("us-east-1", finding.GetProperty("region").GetString());
        Assert.Equal("Human", finding.GetProperty("actor").GetProperty("class").GetString());
        Assert.Equal("IAMUser", finding.GetProperty("actor").GetProperty("type").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/alice", finding.GetProperty("actor").GetProperty("principal").GetString());
        Assert.EndsWith("_a1b2c3d4e5f6a7b8.json.gz", finding.GetProperty("source").GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, finding.GetProperty("source").GetProperty("index").GetInt64());
    }

    [Fact]
    public async Task Scan_WhenShowSuppressed_ShouldAddTheDeployRoleFindingMarkedSuppressed()
    {
        // Act
        var hidden = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--format", "jsonl");
        var shown = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--format", "jsonl", "--show-suppressed");

        // Assert
        Assert.DoesNotContain("DeployRole", hidden.Out, StringComparison.Ordinal);
        var findings = JsonLines(shown);
        Assert.Equal(17, findings.Count);
        var suppressed = Assert.Single(findings, f => f.GetProperty("suppressed").GetBoolean());
        Assert.Equal("deploy-role-legacy-cleanup", suppressed.GetProperty("suppressionId").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/DeployRole", suppressed.GetProperty("actor").GetProperty("principal").GetString());
    }

    [Fact]
    public async Task Scan_WhenNoSuppressionFileGiven_ShouldReportTheDeployRoleFinding()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl");

        // Assert
        Assert.Equal(17, run.OutLines.Length);
        Assert.Contains(JsonLines(run), f => f.GetProperty("actor").GetProperty("principal").GetString() == "arn:aws:iam::123456789012:user/DeployRole");
    }

    [Theory]
    [InlineData("High", 1)]
    [InlineData("critical", 1)]
    [InlineData("HIGH", 1)]
    [InlineData("Low", 1)]
    public async Task Scan_WhenFindingAtOrAboveFailOn_ShouldExitOne(string level, int expected)
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", ScanRun.SampleSuppressions, "--fail-on", level);

        // Assert
        Assert.Equal(expected, run.ExitCode);
    }

    [Fact]
    public async Task Scan_WhenFailOnIsNotASeverity_ShouldExitTwoNamingTheChoices()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--fail-on", "severe");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Info, Low, Medium, High, Critical", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenNothingReachesFailOn_ShouldExitZero()
    {
        // Arrange: the JSON Lines sample holds one High and one Medium finding.
        var jsonl = Path.Combine(ScanRun.SamplesFolder, "jsonl", "exported-records.jsonl");

        // Act
        var run = await ScanRun.RunAsync(jsonl, "--fail-on", "Critical");
        var atHigh = await ScanRun.RunAsync(jsonl, "--fail-on", "High");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(1, atHigh.ExitCode);
    }

    [Fact]
    public async Task Scan_WhenOnlyFindingAboveFailOnIsSuppressed_ShouldExitZero()
    {
        // Arrange: alice's only finding in this file is High, and the entry silences alice.
        var file = ScanRun.Fixture("alice-code-update.json");

        // Act
        var suppressed = await ScanRun.RunAsync(file, "--suppressions", ScanRun.Fixture("alice-until-december.json"), "--fail-on", "Low");
        var unsuppressed = await ScanRun.RunAsync(file, "--fail-on", "Low");

        // Assert
        Assert.Equal(0, suppressed.ExitCode);
        Assert.Equal(1, unsuppressed.ExitCode);
    }

    [Theory]
    [InlineData("not-json.json", "not JSON")]
    [InlineData("corrupt.json.gz", "cannot read")]
    public async Task Scan_WhenAFileIsUnreadable_ShouldScanTheOthersAndExitTwo(string badFile, string message)
    {
        // Arrange
        using var folder = new ScratchFolder();
        folder.Copy(ScanRun.Fixture("alice-code-update.json"), "a-good.json");
        var bad = folder.Copy(ScanRun.Fixture(badFile), "b-" + badFile);
        folder.Copy(ScanRun.Fixture("alice-code-update.json"), "c-good.json");

        // Act
        var run = await ScanRun.RunAsync(folder.Path, "--format", "jsonl", "--fail-on", "Low");

        // Assert: 2 wins over 1.
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(2, JsonLines(run).Count);
        var diagnostic = Assert.Single(run.ErrorLines, l => l.StartsWith(bad, StringComparison.Ordinal));
        Assert.Contains(message, diagnostic, StringComparison.Ordinal);
        Assert.Contains("1 unreadable files", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenAPathDoesNotExist_ShouldNameItScanTheRestAndExitTwo()
    {
        // Arrange
        var missing = Path.Combine(Path.GetTempPath(), "lambdaguard-no-such-" + Guid.NewGuid().ToString("N"));

        // Act
        var run = await ScanRun.RunAsync(missing, ScanRun.Fixture("alice-code-update.json"), "--format", "jsonl");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
        Assert.Single(JsonLines(run));
    }

    [Fact]
    public async Task Scan_WhenRecordsAreMalformed_ShouldReportEachWithPathAndIndexAndKeepTheExitCode()
    {
        // Arrange
        var file = ScanRun.Fixture("malformed.jsonl");

        // Act
        var run = await ScanRun.RunAsync(file, "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["scan-jsonl-1", "scan-jsonl-5"], JsonLines(run).Select(f => f.GetProperty("eventId").GetString()));
        Assert.Contains(run.ErrorLines, l => l.StartsWith($"{file}#1: malformed record", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith($"{file}#2: malformed record", StringComparison.Ordinal) && l.Contains("not a JSON object", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith($"{file}#3: malformed record", StringComparison.Ordinal) && l.Contains("userIdentity.type", StringComparison.Ordinal));
        Assert.Contains("3 malformed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenRecordsAreMalformedAndFailOnIsMet_ShouldStillExitOne()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.Fixture("malformed.jsonl"), "--fail-on", "Medium");

        // Assert
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task Scan_WhenSuppressionFileIsBroken_ShouldExitTwoSayingWhere()
    {
        // Arrange
        var broken = ScanRun.Fixture("broken-suppressions.json");

        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", broken);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(broken, run.Error, StringComparison.Ordinal);
        Assert.Contains("line 3", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task Scan_WhenSuppressionFileIsMissing_ShouldExitTwo()
    {
        // Arrange
        var missing = Path.Combine(Path.GetTempPath(), "lambdaguard-no-such-suppressions-" + Guid.NewGuid().ToString("N") + ".json");

        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--suppressions", missing);

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(missing, run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("2026-11-30T23:59:59Z", true)]
    [InlineData("2026-12-01T00:00:00Z", false)]
    [InlineData("2027-01-15T00:00:00Z", false)]
    public async Task Scan_WhenAsOfGiven_ShouldJudgeExpiryAtThatTime(string? asOf, bool suppressed)
    {
        // Arrange: the entry silences alice until 2026-12-01; the test clock says 2026-11-20.
        string[] args = [ScanRun.Fixture("alice-code-update.json"), "--suppressions", ScanRun.Fixture("alice-until-december.json"), "--format", "jsonl", "--show-suppressed"];

        // Act
        var run = await ScanRun.RunAsync(asOf is null ? args : [.. args, "--as-of", asOf]);

        // Assert
        Assert.Equal(0, run.ExitCode);
        var finding = Assert.Single(JsonLines(run));
        Assert.Equal(suppressed, finding.GetProperty("suppressed").GetBoolean());
    }

    [Fact]
    public async Task Scan_WhenAsOfIsNotAnIsoTime_ShouldExitTwo()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--as-of", "last week");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--as-of", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenOwnFunctionGiven_ShouldMatchLg010OnThatNameInstead()
    {
        // Arrange: a CI role changes secguard-main and LambdaGuard-Detector.
        var file = ScanRun.Fixture("own-function.json");

        // Act
        var byDefault = await ScanRun.RunAsync(file, "--format", "jsonl");
        var custom = await ScanRun.RunAsync(file, "--format", "jsonl", "--own-function", "secguard-*");

        // Assert
        var defaultFinding = Assert.Single(JsonLines(byDefault));
        Assert.Equal("LambdaGuard-Detector", defaultFinding.GetProperty("functionName").GetString());
        var customFinding = Assert.Single(JsonLines(custom));
        Assert.Equal("LG010", customFinding.GetProperty("ruleId").GetString());
        Assert.Equal("secguard-main", customFinding.GetProperty("functionName").GetString());
    }

    [Fact]
    public async Task Scan_WhenTrustedAccountGiven_ShouldNotFlagItsLayers()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--trusted-account", "999999999999");

        // Assert
        var payments = Assert.Single(JsonLines(run), f => f.GetProperty("eventId").GetString() == "5a3e0c1d-0016-4b7e-9c2a-000020261120");
        Assert.Equal("LG003", payments.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Scan_WhenHumanRoleGiven_ShouldAlertOnThatRolesSessions()
    {
        // Act
        var byDefault = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl");
        var withHumanRole = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "jsonl", "--human-role", "arn:aws:iam::*:role/GitHubActionsDeployRole");

        // Assert
        Assert.DoesNotContain("GitHubActionsDeployRole", byDefault.Out, StringComparison.Ordinal);
        var ci = Assert.Single(JsonLines(withHumanRole), f => f.GetProperty("actor").GetProperty("principal").GetString()!.EndsWith("GitHubActionsDeployRole", StringComparison.Ordinal));
        Assert.Equal("LG001", ci.GetProperty("ruleId").GetString());
    }

    [Fact]
    public async Task Scan_WhenFormatIsUnknown_ShouldExitTwoWithUsage()
    {
        // Act
        var run = await ScanRun.RunAsync(ScanRun.SamplesFolder, "--format", "xml");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
    }
}
