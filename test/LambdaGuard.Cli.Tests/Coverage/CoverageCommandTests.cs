using System.CommandLine;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Coverage;
using LambdaGuard.Cli.Tests.Suppressions;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Cli.Tests.Coverage;

[Collection(CoverageDynaliteCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CoverageCommandTests(DynaliteFixture dynalite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private readonly AmazonDynamoDBClient client = new(
        new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
        new AmazonDynamoDBConfig { ServiceURL = dynalite.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region });

    private string table = null!;

    public async Task InitializeAsync()
    {
        table = $"AlertClaims-{Guid.NewGuid():N}";
        await LambdaGuardTables.EnsureAlertClaimsTableAsync(client, table);
        var signals = new DynamoDbSpokeSignals(client, table);
        await signals.RecordAsync("111122223333", "us-east-1", Now.AddMinutes(-25), CancellationToken.None);
        await signals.RecordAsync("111122223333", "ap-south-1", Now.AddHours(-9), CancellationToken.None);
        await signals.RecordAsync("444455556666", "eu-west-1", Now.AddMinutes(-40), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        client.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Coverage_WithSignalsFromSeveralSpokes_ShouldListEachAccountAndRegionQuietOnesFirst()
    {
        // Act
        var run = await RunAsync("--table", table, "--endpoint-url", dynalite.ServiceUrl.ToString());

        // Assert
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("ACCOUNT", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^111122223333\s+ap-south-1\s+2026-11-30T03:00:00Z\s+9h00m\s+quiet$", lines[1]);
        Assert.Matches(@"^111122223333\s+us-east-1\s+2026-11-30T11:35:00Z\s+25m\s+ok$", lines[2]);
        Assert.Matches(@"^444455556666\s+eu-west-1\s+.*\s+ok$", lines[3]);
        Assert.Equal("3 account-regions, 2 accounts, 1 quiet (no signal for more than 4 h)", lines[4]);
    }

    [Fact]
    public async Task Coverage_WithJsonFormatAndAWiderWindow_ShouldReportEverySpokeOk()
    {
        // Act
        var run = await RunAsync("--table", table, "--endpoint-url", dynalite.ServiceUrl.ToString(), "--format", "json", "--quiet-hours", "12");

        // Assert
        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Out);
        Assert.Equal("lambdaguard.coverage/v1", document.RootElement.GetProperty("schema").GetString());
        var spokes = document.RootElement.GetProperty("spokes").EnumerateArray().ToList();
        Assert.Equal(3, spokes.Count);
        Assert.All(spokes, s => Assert.Equal("ok", s.GetProperty("status").GetString()));
        Assert.Equal(540, spokes.Single(s => s.GetProperty("region").GetString() == "ap-south-1").GetProperty("silentMinutes").GetInt64());
    }

    [Fact]
    public async Task Coverage_WhenQuietHoursIsOutOfRange_ShouldExitTwoNamingTheOption()
    {
        // Act
        var run = await RunAsync("--table", table, "--endpoint-url", dynalite.ServiceUrl.ToString(), "--quiet-hours", "0");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--quiet-hours", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task Coverage_WhenTheTableDoesNotExist_ShouldExitThreeWithTheAwsError()
    {
        // Act
        var run = await RunAsync("--table", "no-such-table", "--endpoint-url", dynalite.ServiceUrl.ToString());

        // Assert: an AWS failure is 3, as for every command (docs/interfaces.md, "Exit codes")
        Assert.Equal(3, run.ExitCode);
        Assert.Contains("ResourceNotFoundException", run.Error, StringComparison.Ordinal);
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, false, new FixedClock(Now));
        var root = new RootCommand();
        root.Subcommands.Add(CoverageCommand.Create(io));
        var parsed = root.Parse(["coverage", .. args]);
        Assert.Empty(parsed.Errors);
        var exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
