using System.Text.Json;
using LambdaGuard.Cli.Suppressions;

namespace LambdaGuard.Cli.Tests.Suppressions;

/// <summary>Admin logic on the in-memory store port; the DynamoDB path is covered end to end in
/// <see cref="SuppressionsAwsSetupTests"/> and the adapter itself in LambdaGuard.Aws.Tests.</summary>
public sealed class SuppressionsListShowTests : IAsyncLifetime
{
    private SuppressionCli cli = null!;

    public Task InitializeAsync()
    {
        cli = SuppressionCli.InMemory();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await cli.DisposeAsync();

    [Fact]
    public async Task List_WhenTableHasEntries_ShouldShowEachWithSelectorsAndMarkTheExpiredOne()
    {
        // Arrange
        await cli.SeedAsync("table-entries.json");

        // Act
        var run = await cli.RunAsync("list");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("alice-production", run.Out, StringComparison.Ordinal);
        Assert.Contains("principal=arn:aws:iam::123456789012:user/alice function=production-*", run.Out, StringComparison.Ordinal);
        Assert.Contains("2026-01-01T00:00:00Z (EXPIRED: suppresses nothing)", run.Out, StringComparison.Ordinal);
        Assert.Contains("2 entries in table", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 expired or invalid", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_WhenFormatJson_ShouldPrintOneDocumentWithVersionsAndExpiredFlags()
    {
        // Arrange
        await cli.SeedAsync("table-entries.json");

        // Act
        var run = await cli.RunAsync("list", "--format", "json");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal(cli.Table, document.RootElement.GetProperty("table").GetString());
        var entries = document.RootElement.GetProperty("suppressions").EnumerateArray().ToList();
        Assert.Equal(["alice-production", "billing-old"], entries.Select(e => e.GetProperty("id").GetString()));
        Assert.All(entries, e => Assert.Equal(1, e.GetProperty("version").GetInt64()));
        Assert.Equal([false, true], entries.Select(e => e.GetProperty("expired").GetBoolean()));
        Assert.Equal("production-*", entries[0].GetProperty("function").GetString());
    }

    [Fact]
    public async Task List_WhenTableEmpty_ShouldSaySo()
    {
        // Act
        var run = await cli.RunAsync("list");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains($"No suppression entries in table {cli.Table}.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_WhenEntryExists_ShouldPrintEveryField()
    {
        // Arrange
        await cli.SeedAsync("table-entries.json");

        // Act
        var run = await cli.RunAsync("show", "alice-production");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("CHG-1234: alice deploys production by hand during the migration", run.Out, StringComparison.Ordinal);
        Assert.Contains("expiresAt  2026-03-01T00:00:00Z", run.Out, StringComparison.Ordinal);
        Assert.Contains("version    1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_WhenEntryMissing_ShouldRefuseNamingTheIdAndTable()
    {
        // Act
        var run = await cli.RunAsync("show", "no-such-entry");

        // Assert
        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains($"suppression 'no-such-entry' does not exist in table {cli.Table}", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task List_WhenTableHoldsAnInvalidEntry_ShouldMarkItInvalidNamingTheField()
    {
        // Arrange: an item written by hand with a misspelled selector, as the table reader records it.
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
        var table = await cli.RunAsync("list");
        var json = await cli.RunAsync("list", "--format", "json");

        // Assert
        Assert.Contains("INVALID, suppresses nothing: princpal 'princpal' is not an entry field", table.Out, StringComparison.Ordinal);
        Assert.Contains("suppression 'typo': princpal:", table.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        var problems = document.RootElement.GetProperty("suppressions")[0].GetProperty("problems");
        Assert.StartsWith("princpal:", problems[0].GetString(), StringComparison.Ordinal);
    }
}
