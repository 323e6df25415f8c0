using LambdaGuard.Cli.Suppressions;

namespace LambdaGuard.Cli.Tests.Suppressions;

/// <summary>Admin logic on the in-memory store port; the DynamoDB path is covered end to end in
/// <see cref="SuppressionsAwsSetupTests"/> and the adapter itself in LambdaGuard.Aws.Tests.</summary>
public sealed class SuppressionsUpdateRemoveTests : IAsyncLifetime
{
    private SuppressionCli cli = null!;

    public async Task InitializeAsync()
    {
        cli = SuppressionCli.InMemory();
        await cli.SeedAsync("table-entries.json");
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task Update_WhenFieldsGiven_ShouldChangeOnlyThoseBumpTheVersionAndRecordTheWriter()
    {
        // Act
        var run = await cli.RunAsync("update", "alice-production", "--expires-at", "2026-02-15T00:00:00Z", "--api", "UpdateFunctionCode");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var entry = (await cli.EntriesAsync()).Single(e => e.Id == "alice-production");
        Assert.Equal(new DateTimeOffset(2026, 2, 15, 0, 0, 0, TimeSpan.Zero), entry.ExpiresAt);
        Assert.Equal("UpdateFunctionCode", entry.Api);
        Assert.Equal("production-*", entry.Function);
        Assert.Equal("CHG-1234: alice deploys production by hand during the migration", entry.Reason);
        Assert.Equal(SuppressionCli.Caller, entry.CreatedBy);
        Assert.Equal(2, entry.Version);
        Assert.Contains("changed: expiresAt, api", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_WhenEmptySelectorGiven_ShouldRemoveThatSelector()
    {
        // Act
        var run = await cli.RunAsync("update", "alice-production", "--function", "");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Null((await cli.EntriesAsync()).Single(e => e.Id == "alice-production").Function);
    }

    [Fact]
    public async Task Update_WhenResultIsInvalid_ShouldNameTheFieldAndLeaveTheEntry()
    {
        // Act
        var run = await cli.RunAsync("update", "alice-production", "--expires-at", "400d");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--expires-at (expiresAt):", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, (await cli.EntriesAsync()).Single(e => e.Id == "alice-production").Version);
    }

    [Fact]
    public async Task Update_WhenEntryMissing_ShouldRefuse()
    {
        // Act
        var run = await cli.RunAsync("update", "nope", "--reason", "r");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("'nope' does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_WhenExpectedVersionIsStale_ShouldRefuseAndShowWhatIsInTheTable()
    {
        // Arrange: another admin already moved the entry to version 2.
        await cli.RunAsync("update", "alice-production", "--reason", "changed by the other admin");

        // Act
        var run = await cli.RunAsync("update", "alice-production", "--reason", "my change", "--expected-version", "1");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("was changed by someone else: you worked from version 1, the table now holds version 2", run.Error, StringComparison.Ordinal);
        Assert.Contains("changed by the other admin", run.Error, StringComparison.Ordinal);
        Assert.Equal("changed by the other admin", (await cli.EntriesAsync()).Single(e => e.Id == "alice-production").Reason);
    }

    [Fact]
    public async Task Update_WhenAnotherAdminWritesBetweenReadAndWrite_ShouldRefuseAndShowBothVersions()
    {
        // Arrange: the competing write lands after the CLI read version 1 and before its conditional write.
        cli.Identity = new StubCallerIdentity(SuppressionCli.Caller, async () =>
        {
            var theirs = (await cli.Store.GetAsync("alice-production", CancellationToken.None))!;
            await cli.Store.UpdateAsync(theirs with { Reason = "bob's concurrent change", CreatedBy = "arn:aws:iam::123456789012:user/bob" }, 1, CancellationToken.None);
        });

        // Act
        var run = await cli.RunAsync("update", "alice-production", "--reason", "alice's change");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("was changed by someone else", run.Error, StringComparison.Ordinal);
        Assert.Contains("Your change (based on version 1):", run.Error, StringComparison.Ordinal);
        Assert.Contains("alice's change", run.Error, StringComparison.Ordinal);
        Assert.Contains("Now in the table (version 2, written by arn:aws:iam::123456789012:user/bob)", run.Error, StringComparison.Ordinal);
        Assert.Contains("bob's concurrent change", run.Error, StringComparison.Ordinal);
        var stored = (await cli.EntriesAsync()).Single(e => e.Id == "alice-production");
        Assert.Equal("bob's concurrent change", stored.Reason);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Update_WhenValuesAlreadyStored_ShouldWriteNothing()
    {
        // Act
        var run = await cli.RunAsync("update", "alice-production", "--function", "production-*");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("already has these values", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, (await cli.EntriesAsync()).Single(e => e.Id == "alice-production").Version);
    }

    [Fact]
    public async Task Remove_WhenEntryExists_ShouldDeleteOnlyIt()
    {
        // Act
        var run = await cli.RunAsync("remove", "billing-old");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("'billing-old' removed", run.Out, StringComparison.Ordinal);
        Assert.Equal(["alice-production"], (await cli.EntriesAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Remove_WhenExpectedVersionIsStale_ShouldRefuseAndKeepTheEntry()
    {
        // Arrange
        await cli.RunAsync("update", "billing-old", "--expires-at", "30d");

        // Act
        var run = await cli.RunAsync("remove", "billing-old", "--expected-version", "1");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("table now holds version 2", run.Error, StringComparison.Ordinal);
        Assert.Contains("billing-old", (await cli.EntriesAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Remove_WhenEntryMissing_ShouldRefuse()
    {
        // Act
        var run = await cli.RunAsync("remove", "nope");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("'nope' does not exist", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await cli.EntriesAsync()).Count);
    }

    [Fact]
    public async Task Update_WhenStoredItemHasAProblem_ShouldRefuseRatherThanDropTheUnreadableField()
    {
        // Arrange: a hand-written item with a misspelled selector suppresses nothing; rewriting it without
        // the misspelled field would turn it into an entry for every principal.
        await cli.Store.AddAsync(
            new LambdaGuard.Core.Suppressions.SuppressionEntry
            {
                Id = "typo",
                Reason = "hand-written item",
                ExpiresAt = SuppressionCli.Now.AddDays(7),
                Function = "orders-api",
                ReadProblems = [new("princpal", "'princpal' is not an entry field", "did you mean 'principal'?")],
            },
            CancellationToken.None);

        // Act
        var run = await cli.RunAsync("update", "typo", "--expires-at", "14d");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("stored with problems (princpal:", run.Error, StringComparison.Ordinal);
        Assert.Contains("remove it and add it again", run.Error, StringComparison.Ordinal);
        Assert.Equal(SuppressionCli.Now.AddDays(7), (await cli.Store.GetAsync("typo", CancellationToken.None))!.ExpiresAt);
    }
}
