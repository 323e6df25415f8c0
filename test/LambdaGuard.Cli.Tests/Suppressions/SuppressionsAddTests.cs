using LambdaGuard.Cli.Suppressions;

namespace LambdaGuard.Cli.Tests.Suppressions;

/// <summary>Admin logic on the in-memory store port; the DynamoDB path is covered end to end in
/// <see cref="SuppressionsAwsSetupTests"/> and the adapter itself in LambdaGuard.Aws.Tests.</summary>
public sealed class SuppressionsAddTests : IAsyncLifetime
{
    private SuppressionCli cli = null!;

    public Task InitializeAsync()
    {
        cli = SuppressionCli.InMemory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task Add_WhenValid_ShouldStoreEntryAtVersionOneWithCallerAndTime()
    {
        // Act
        var run = await cli.RunAsync(
            "add", "--id", "deploy-role", "--reason", "CI deploys code", "--expires-at", "2026-06-30T00:00:00Z",
            "--principal", "arn:aws:iam::123456789012:role/DeployRole", "--rule-id", "LG001", "--match-region", "us-*");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var entry = Assert.Single(await cli.EntriesAsync());
        Assert.Equal("deploy-role", entry.Id);
        Assert.Equal("CI deploys code", entry.Reason);
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 0, 0, 0, TimeSpan.Zero), entry.ExpiresAt);
        Assert.Equal("arn:aws:iam::123456789012:role/DeployRole", entry.Principal);
        Assert.DoesNotContain("Warning", run.Error, StringComparison.Ordinal);
        Assert.Equal("LG001", entry.RuleId);
        Assert.Equal("us-*", entry.Region);
        Assert.Equal(SuppressionCli.Caller, entry.CreatedBy);
        Assert.Equal(SuppressionCli.Now, entry.CreatedAt);
        Assert.Equal(1, entry.Version);
        Assert.Contains("'deploy-role' added", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WhenExpiryIsRelative_ShouldStoreNowPlusTheSpan()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "short", "--reason", "incident INC-7", "--expires-at", "30d", "--function", "orders-*");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(SuppressionCli.Now.AddDays(30), Assert.Single(await cli.EntriesAsync()).ExpiresAt);
    }

    [Fact]
    public async Task Add_WhenExpiryIsInMinutes_ShouldTakeTheSameUnitsAsSince()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "brief", "--reason", "incident INC-8", "--expires-at", "90m", "--function", "orders-*");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(SuppressionCli.Now.AddMinutes(90), Assert.Single(await cli.EntriesAsync()).ExpiresAt);
    }

    [Fact]
    public async Task Add_WhenIdExists_ShouldRefuseAndKeepTheOriginal()
    {
        // Arrange
        await cli.SeedAsync("table-entries.json");

        // Act
        var run = await cli.RunAsync("add", "--id", "alice-production", "--reason", "takeover", "--expires-at", "10d", "--function", "orders-*");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("already exists", run.Error, StringComparison.Ordinal);
        Assert.Contains("update alice-production", run.Error, StringComparison.Ordinal);
        var kept = (await cli.EntriesAsync()).Single(e => e.Id == "alice-production");
        Assert.Equal("production-*", kept.Function);
        Assert.Equal(1, kept.Version);
    }

    [Fact]
    public async Task Add_WhenSeveralFieldsInvalid_ShouldNameEachFieldWithAFixAndWriteNothing()
    {
        // Act
        var run = await cli.RunAsync(
            "add", "--id", "bad id!", "--reason", "x", "--expires-at", "next tuesday",
            "--account", "12345678901x", "--principal", "alice", "--rule-id", "LG011");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--id (id): 'bad id!' is not a valid id; fix: use 1-128 letters", run.Error, StringComparison.Ordinal);
        Assert.Contains("--expires-at (expiresAt): 'next tuesday' is not a time; fix: give an ISO 8601 time with a zone", run.Error, StringComparison.Ordinal);
        Assert.Contains("--account (account): '12345678901x' is not a valid account glob; fix:", run.Error, StringComparison.Ordinal);
        Assert.Contains("--principal (principal): 'alice' is not a valid principal glob; fix:", run.Error, StringComparison.Ordinal);
        Assert.Contains("--rule-id (ruleId):", run.Error, StringComparison.Ordinal);
        Assert.Contains("never suppressible", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", run.Error, StringComparison.Ordinal);
        Assert.Empty(await cli.EntriesAsync());
    }

    [Fact]
    public async Task Add_WhenReasonOptionMissing_ShouldFailAsUsageErrorNamingIt()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "x", "--expires-at", "10d", "--function", "f");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--reason", run.Error, StringComparison.Ordinal);
        Assert.Empty(await cli.EntriesAsync());
    }

    [Theory]
    [InlineData("366d")]
    [InlineData("2027-06-01T00:00:00Z")]
    public async Task Add_WhenExpiryBeyondDefaultBound_ShouldRefuseWithTheLatestAllowedDate(string expiry)
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "long", "--reason", "r", "--expires-at", expiry, "--function", "orders-*");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--expires-at (expiresAt):", run.Error, StringComparison.Ordinal);
        Assert.Contains("more than 365 days ahead", run.Error, StringComparison.Ordinal);
        Assert.Contains("choose an expiry before 2027-01-15", run.Error, StringComparison.Ordinal);
        Assert.Empty(await cli.EntriesAsync());
    }

    [Fact]
    public async Task Add_WhenExpiryExactlyAtBound_ShouldStore()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "edge", "--reason", "r", "--expires-at", "365d", "--function", "orders-*");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Single(await cli.EntriesAsync());
    }

    [Fact]
    public async Task Add_WhenMaxDaysLowered_ShouldRefuseAnExpiryPastIt()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "short", "--reason", "r", "--expires-at", "10d", "--function", "f", "--max-days", "7");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("more than 7 days ahead", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WhenExpiryInThePast_ShouldRefuse()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "old", "--reason", "r", "--expires-at", "2026-01-01T00:00:00Z", "--function", "f");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("is in the past; fix: give a future time", run.Error, StringComparison.Ordinal);
        Assert.Empty(await cli.EntriesAsync());
    }

    [Fact]
    public async Task Add_WhenEntryIsBroadWithoutAllowBroad_ShouldRefuseAndWriteNothing()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "everything", "--reason", "noise", "--expires-at", "7d", "--function", "*", "--api", "*");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("silence every suppressible finding", run.Error, StringComparison.Ordinal);
        Assert.Contains("--allow-broad", run.Error, StringComparison.Ordinal);
        Assert.Empty(await cli.EntriesAsync());
    }

    [Fact]
    public async Task Add_WhenEntryIsBroadWithAllowBroad_ShouldStoreAndWarn()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "everything", "--reason", "game day", "--expires-at", "1d", "--function", "*", "--allow-broad");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("is broad", run.Error, StringComparison.Ordinal);
        Assert.Contains("alerted as High", run.Error, StringComparison.Ordinal);
        Assert.Equal("*", Assert.Single(await cli.EntriesAsync()).Function);
    }

    [Fact]
    public async Task Add_WhenDryRunSinceLogs_ShouldListTheFindingsItWouldSilenceAndWriteNothing()
    {
        // Arrange
        var identity = new StubCallerIdentity(SuppressionCli.Caller);
        cli.Identity = identity;

        // Act
        var run = await cli.RunAsync(
            "add", "--id", "alice-all", "--reason", "r", "--expires-at", "30d",
            "--principal", "arn:aws:iam::123456789012:user/alice", "--dry-run", "--since", SuppressionCli.Fixture("events.json"));

        // Assert: alice's production deploy (LG001) is silenced; her change to LambdaGuard itself (LG010) never is.
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("would silence 1 of 3 finding(s)", run.Out, StringComparison.Ordinal);
        Assert.Contains("production-api", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("LambdaGuard-Detector", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("billing-worker", run.Out, StringComparison.Ordinal);
        Assert.Empty(await cli.EntriesAsync());
        Assert.Equal(0, identity.Calls);
    }

    [Fact]
    public async Task Add_WhenDryRunIsInvalid_ShouldReportTheProblemsLikeARealAdd()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "x", "--reason", "r", "--expires-at", "900d", "--function", "f", "--dry-run");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("more than 365 days ahead", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_WhenSinceGivenWithoutDryRun_ShouldRefuseAndWriteNothing()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "x", "--reason", "r", "--expires-at", "9d", "--function", "f", "--since", SuppressionCli.Fixture("events.json"));

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--since: only used with --dry-run", run.Error, StringComparison.Ordinal);
        Assert.Empty(await cli.EntriesAsync());
    }

    [Fact]
    public async Task Add_WhenPrincipalIsNotAnchored_ShouldStoreButWarnWithTheAnchoredForm()
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "deploy", "--reason", "r", "--expires-at", "14d", "--principal", "*DeployRole", "--rule-id", "LG001");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Warning: --principal (principal): '*DeployRole' is not anchored", run.Error, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::123456789012:role/DeployRole", run.Error, StringComparison.Ordinal);
        Assert.Single(await cli.EntriesAsync());
    }

    [Theory]
    [InlineData("LG010")]
    [InlineData("LG0?0")]
    [InlineData("LG999")]
    public async Task Add_WhenRuleIdMatchesNoSuppressibleRule_ShouldRefuseAndWriteNothing(string ruleId)
    {
        // Act
        var run = await cli.RunAsync("add", "--id", "x", "--reason", "r", "--expires-at", "7d", "--function", "orders-api", "--rule-id", ruleId);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains($"--rule-id (ruleId): '{ruleId}' matches", run.Error, StringComparison.Ordinal);
        Assert.Empty(await cli.EntriesAsync());
    }

    [Fact]
    public async Task Add_WhenSelectorGivenEmpty_ShouldTreatItAsNotGiven()
    {
        // Act: an empty --principal is no selector, so the entry has only its function.
        var run = await cli.RunAsync("add", "--id", "x", "--reason", "r", "--expires-at", "7d", "--function", "orders-api", "--principal", "");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var entry = Assert.Single(await cli.EntriesAsync());
        Assert.Null(entry.Principal);
        Assert.Equal("orders-api", entry.Function);
    }

    [Fact]
    public async Task Add_WhenDryRunAgainstACriticalFindingWithALooseEntry_ShouldSilenceNothing()
    {
        // Arrange: a public URL opened by alice on orders-api (LG005, Critical).
        var events = SuppressionCli.Fixture("public-url.json");

        // Act
        var loose = await cli.RunAsync("add", "--id", "loose", "--reason", "r", "--expires-at", "7d", "--principal", "arn:aws:iam::123456789012:user/alice", "--rule-id", "LG005", "--function", "orders-*", "--dry-run", "--since", events);
        var pinned = await cli.RunAsync("add", "--id", "pinned", "--reason", "r", "--expires-at", "7d", "--principal", "arn:aws:iam::123456789012:user/alice", "--rule-id", "LG005", "--function", "orders-api", "--dry-run", "--since", events);

        // Assert
        Assert.Contains("would silence 0 of 1 finding(s)", loose.Out, StringComparison.Ordinal);
        Assert.Contains("would silence 1 of 1 finding(s)", pinned.Out, StringComparison.Ordinal);
    }
}
