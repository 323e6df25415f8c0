using System.Text.Json;
using LambdaGuard.Cli.Suppressions;

namespace LambdaGuard.Cli.Tests.Suppressions;

/// <summary>Admin logic on the in-memory store port; the DynamoDB path is covered end to end in
/// <see cref="SuppressionsAwsSetupTests"/> and the adapter itself in LambdaGuard.Aws.Tests.</summary>
public sealed class SuppressionsExplainTests : IAsyncLifetime
{
    private SuppressionCli cli = null!;

    public async Task InitializeAsync()
    {
        cli = SuppressionCli.InMemory();
        await cli.SeedAsync("table-entries.json");
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task Explain_WhenEventsAreExplainedAgainstTheTable_ShouldGiveActorRuleAndSilencingEntryPerRecord()
    {
        // Act
        var run = await cli.RunAsync("explain", SuppressionCli.Fixture("events.json"));

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var blocks = run.Out.Split("\n\n");
        Assert.Contains("events.json#0  UpdateFunctionCode", blocks[0], StringComparison.Ordinal);
        Assert.Contains("actor     Human arn:aws:iam::123456789012:user/alice (IAMUser)", blocks[0], StringComparison.Ordinal);
        Assert.Contains("rule      LG001 High", blocks[0], StringComparison.Ordinal);
        Assert.Contains("silenced  by 'alice-production': principal matches arn:aws:iam::123456789012:user/alice; function matches production-*", blocks[0], StringComparison.Ordinal);

        Assert.Contains("rule      LG003", blocks[1], StringComparison.Ordinal);
        Assert.Contains("silenced  no: no entry matches", blocks[1], StringComparison.Ordinal);
        Assert.Contains("not by    'billing-old': function matches billing-*; but entry expired at 2026-01-01T00:00:00Z", blocks[1], StringComparison.Ordinal);

        Assert.Contains("actor     Automation arn:aws:iam::123456789012:role/DeployRole (AssumedRole)", blocks[2], StringComparison.Ordinal);
        Assert.Contains("no finding: actor is automation", blocks[2], StringComparison.Ordinal);

        Assert.Contains("no finding: read-only call", blocks[3], StringComparison.Ordinal);

        Assert.Contains("rule      LG010", blocks[4], StringComparison.Ordinal);
        Assert.Contains("silenced  never: LG010 cannot be suppressed", blocks[4], StringComparison.Ordinal);
        Assert.Contains("5 Lambda record(s) in 1 file(s); 3 finding(s); 2 suppression entries considered at 2026-01-15T00:00:00Z.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_WhenAsOfBeforeAnExpiry_ShouldJudgeTheEntryAtThatTime()
    {
        // Act
        var run = await cli.RunAsync("explain", SuppressionCli.Fixture("events.json"), "--as-of", "2025-12-31T00:00:00Z");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("silenced  by 'billing-old': function matches billing-*", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_WhenFormatJson_ShouldGiveOneObjectPerRecordWithTheSilencingEntry()
    {
        // Act
        var run = await cli.RunAsync("explain", SuppressionCli.Fixture("events.json"), "--format", "json");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        var records = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(5, records.Count);
        Assert.Equal("alice-production", records[0].GetProperty("suppressedBy").GetString());
        Assert.Equal("Human", records[0].GetProperty("actor").GetProperty("class").GetString());
        Assert.Equal("LG003", records[1].GetProperty("ruleId").GetString());
        Assert.Equal(JsonValueKind.Null, records[1].GetProperty("suppressedBy").ValueKind);
        var nearMiss = Assert.Single(records[1].GetProperty("entries").EnumerateArray());
        Assert.Equal("billing-old", nearMiss.GetProperty("id").GetString());
        Assert.False(nearMiss.GetProperty("suppresses").GetBoolean());
        Assert.Equal("ActorNotAlerted", records[2].GetProperty("decision").GetString());
        Assert.False(records[4].GetProperty("suppressible").GetBoolean());
    }

    [Fact]
    public async Task Explain_WhenSuppressionFileGiven_ShouldNotNeedTheTable()
    {
        // Arrange: an endpoint nobody listens on, so any AWS call would fail the command.
        string[] args = ["explain", SuppressionCli.Fixture("events.json"), "--suppressions", SuppressionCli.Fixture("import-desired.json"), "--endpoint-url", "http://127.0.0.1:9/"];

        // Act
        var run = await cli.RunRawAsync(args);

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("silenced  by 'alice-production'", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_WhenAnEventFileIsMissing_ShouldNameItAndExitWithInputError()
    {
        // Act
        var run = await cli.RunAsync("explain", SuppressionCli.Fixture("events.json"), "no-such-file.json");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("no-such-file.json: no such file or folder", run.Error, StringComparison.Ordinal);
        Assert.Contains("rule      LG001", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_WhenAnEntryIsInvalid_ShouldSayItIsIgnoredAndWhy()
    {
        // Arrange: alice's production deploy is matched by this entry's other selectors.
        await cli.Store.AddAsync(
            new LambdaGuard.Core.Suppressions.SuppressionEntry
            {
                Id = "alice-typo",
                Reason = "r",
                ExpiresAt = SuppressionCli.Now.AddDays(7),
                Function = "production-api",
                ReadProblems = [new("princpal", "'princpal' is not an entry field", "did you mean 'principal'?")],
            },
            CancellationToken.None);

        // Act
        var run = await cli.RunAsync("explain", SuppressionCli.Fixture("events.json"));

        // Assert
        var first = run.Out.Split("\n\n")[0];
        Assert.Contains("silenced  by 'alice-production'", first, StringComparison.Ordinal);
        Assert.Contains("not by    'alice-typo': function matches production-api; but entry is invalid and ignored: princpal 'princpal' is not an entry field", first, StringComparison.Ordinal);
    }
}
