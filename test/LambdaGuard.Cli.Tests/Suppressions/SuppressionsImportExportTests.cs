using LambdaGuard.Cli.Suppressions;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Tests.Suppressions;

/// <summary>Admin logic on the in-memory store port; the DynamoDB path is covered end to end in
/// <see cref="SuppressionsAwsSetupTests"/> and the adapter itself in LambdaGuard.Aws.Tests.</summary>
public sealed class SuppressionsImportExportTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("lg-suppressions-").FullName;
    private SuppressionCli cli = null!;

    public async Task InitializeAsync()
    {
        cli = SuppressionCli.InMemory();
        await cli.SeedAsync("table-entries.json");
    }

    public async Task DisposeAsync()
    {
        await cli.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Export_WhenOutputGiven_ShouldWriteTheFileScanReads()
    {
        // Arrange
        var file = Path.Combine(folder, "suppressions.json");

        // Act
        var run = await cli.RunAsync("export", "--output", file);

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var content = SuppressionFile.Parse(await File.ReadAllBytesAsync(file));
        Assert.Empty(content.Warnings);
        Assert.Equal(["alice-production", "billing-old"], content.Entries.Select(e => e.Id));
        Assert.Equal(
            (await cli.EntriesAsync()).Select(e => e with { Version = null }),
            content.Entries);
    }

    [Fact]
    public async Task Import_WhenExportAddsAnExpiredEntryToAnotherTable_ShouldRefuseTheWholeImport()
    {
        // Arrange: the export holds billing-old, expired; adding it elsewhere is a write and must be valid.
        var file = Path.Combine(folder, "with-expired.json");
        await cli.RunAsync("export", "--output", file);
        await using var target = SuppressionCli.InMemory();

        // Act
        var run = await target.RunAsync("import", file, "--yes");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("entry 'billing-old': expiresAt:", run.Error, StringComparison.Ordinal);
        Assert.Contains("is in the past", run.Error, StringComparison.Ordinal);
        Assert.Empty(await target.EntriesAsync());
    }

    [Fact]
    public async Task Import_WhenRoundTrippedWithValidEntries_ShouldCopyThemAndThenReportNothingToChange()
    {
        // Arrange
        await cli.Store.RemoveAsync("billing-old", null, CancellationToken.None);
        var file = Path.Combine(folder, "roundtrip.json");
        await cli.RunAsync("export", "--output", file);
        await using var target = SuppressionCli.InMemory();

        // Act
        var first = await target.RunAsync("import", file, "--yes");
        var again = await target.RunAsync("import", file, "--yes");
        var back = await cli.RunAsync("import", file, "--yes", "--prune");

        // Assert
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        var copied = Assert.Single(await target.EntriesAsync());
        var original = Assert.Single(await cli.EntriesAsync());
        Assert.True(SuppressionDraft.SameContent(original, copied));
        Assert.Equal(SuppressionCli.Caller, copied.CreatedBy);
        Assert.Equal(ExitCodes.Success, again.ExitCode);
        Assert.Contains("Nothing to change.", again.Out, StringComparison.Ordinal);
        Assert.Contains("Nothing to change.", back.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WhenFileDiffersWithYes_ShouldShowTheDiffAndApplyAddsAndChangesButKeepOthers()
    {
        // Act
        var run = await cli.RunAsync("import", SuppressionCli.Fixture("import-desired.json"), "--yes");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("+ add       deploy-role", run.Out, StringComparison.Ordinal);
        Assert.Contains("~ change    alice-production", run.Out, StringComparison.Ordinal);
        Assert.Contains("expiresAt: 2026-03-01T00:00:00Z -> 2026-04-01T00:00:00Z", run.Out, StringComparison.Ordinal);
        Assert.Contains("! kept      billing-old", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 to add, 1 to change, 0 to remove, 0 unchanged, 1 kept.", run.Out, StringComparison.Ordinal);
        var entries = await cli.EntriesAsync();
        Assert.Equal(["alice-production", "billing-old", "deploy-role"], entries.Select(e => e.Id));
        Assert.Equal(2, entries[0].Version);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), entries[0].ExpiresAt);
    }

    [Fact]
    public async Task Import_WhenPrune_ShouldRemoveEntriesNotInTheFile()
    {
        // Act
        var run = await cli.RunAsync("import", SuppressionCli.Fixture("import-desired.json"), "--yes", "--prune");

        // Assert
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("- remove    billing-old", run.Out, StringComparison.Ordinal);
        Assert.Equal(["alice-production", "deploy-role"], (await cli.EntriesAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Import_WhenNotInteractiveAndNoYes_ShouldShowTheDiffRefuseAndWriteNothing()
    {
        // Act
        var run = await cli.RunAsync("import", SuppressionCli.Fixture("import-desired.json"), "--prune");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("- remove    billing-old", run.Out, StringComparison.Ordinal);
        Assert.Contains("pass --yes", run.Error, StringComparison.Ordinal);
        Assert.Equal(["alice-production", "billing-old"], (await cli.EntriesAsync()).Select(e => e.Id));
        Assert.All(await cli.EntriesAsync(), e => Assert.Equal(1, e.Version));
    }

    [Theory]
    [InlineData("n\n", ExitCodes.Refused, 2)]
    [InlineData("\n", ExitCodes.Refused, 2)]
    [InlineData("y\n", ExitCodes.Success, 3)]
    public async Task Import_WhenInteractive_ShouldApplyOnlyWhenConfirmed(string answer, int exitCode, int entriesAfter)
    {
        // Act
        var run = await cli.RunRawAsync(
            ["import", SuppressionCli.Fixture("import-desired.json"), "--table", cli.Table],
            input: answer,
            interactive: true);

        // Assert
        Assert.Equal(exitCode, run.ExitCode);
        Assert.Contains($"Apply 2 change(s) to table {cli.Table}? [y/N]", run.Error, StringComparison.Ordinal);
        Assert.Equal(entriesAfter, (await cli.EntriesAsync()).Count);
    }

    [Fact]
    public async Task Import_WhenAnEntryIsInvalid_ShouldNameItAndWriteNothingAtAll()
    {
        // Act
        var run = await cli.RunAsync("import", SuppressionCli.Fixture("import-invalid.json"), "--yes");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("entry 'too-long': expiresAt:", run.Error, StringComparison.Ordinal);
        Assert.Contains("entry 'too-long': account:", run.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was written", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("good-one", (await cli.EntriesAsync()).Select(e => e.Id));
    }

    [Fact]
    public async Task Import_WhenFileIsNotJson_ShouldSayWhereAndWriteNothing()
    {
        // Arrange
        var file = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(file, "{\"suppressions\": [ {\"id\": ");

        // Act
        var run = await cli.RunAsync("import", file, "--yes");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("not valid JSON at line 1", run.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await cli.EntriesAsync()).Count);
    }

    [Fact]
    public async Task Import_WhenATableItemToChangeHasAProblem_ShouldRefuseTheWholeImport()
    {
        // Arrange: alice-production as a hand-edited item with a misspelled selector (it suppresses nothing).
        var stored = (await cli.Store.GetAsync("alice-production", CancellationToken.None))!;
        await cli.Store.RemoveAsync("alice-production", null, CancellationToken.None);
        await cli.Store.AddAsync(stored with { ReadProblems = [new("princpal", "'princpal' is not an entry field", "did you mean 'principal'?")] }, CancellationToken.None);

        // Act
        var run = await cli.RunAsync("import", SuppressionCli.Fixture("import-desired.json"), "--yes");

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("entry 'alice-production': entry: the table's item is stored with problems (princpal:", run.Error, StringComparison.Ordinal);
        Assert.Null(await cli.Store.GetAsync("deploy-role", CancellationToken.None));
    }
}
