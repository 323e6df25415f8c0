using System.CommandLine;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.Commands;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Cli.Tests.Suppressions;

/// <summary>Runs <c>lambdaguard suppressions ...</c> in-process against a fresh dynalite table, with a fixed
/// clock and a stub caller identity, and gives direct access to the table for arranging and asserting.</summary>
internal sealed class SuppressionCli : IAsyncDisposable
{
    public const string Caller = "arn:aws:iam::123456789012:user/admin-alice";
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly DynaliteFixture dynalite;

    private SuppressionCli(DynaliteFixture dynalite, AmazonDynamoDBClient client, string table)
    {
        this.dynalite = dynalite;
        Client = client;
        Table = table;
        Store = new DynamoDbSuppressionStore(client, table);
    }

    public AmazonDynamoDBClient Client { get; }

    public string Table { get; }

    public DynamoDbSuppressionStore Store { get; }

    public ICallerIdentity Identity { get; set; } = new StubCallerIdentity(Caller);

    public static async Task<SuppressionCli> StartAsync(DynaliteFixture dynalite)
    {
        var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
            new AmazonDynamoDBConfig { ServiceURL = dynalite.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region });
        var table = $"Suppressions-{Guid.NewGuid():N}";
        await LambdaGuardTables.EnsureSuppressionsTableAsync(client, table);
        return new SuppressionCli(dynalite, client, table);
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Suppressions", name);

    /// <summary>Puts the fixture file's entries straight into the table (no validation: the arrange step
    /// may need entries the CLI would refuse, such as expired ones).</summary>
    public async Task SeedAsync(string fixture)
    {
        foreach (var entry in SuppressionFile.Parse(await File.ReadAllBytesAsync(Fixture(fixture))).Entries)
        {
            await Store.AddAsync(entry, CancellationToken.None);
        }
    }

    public async Task<IReadOnlyList<SuppressionEntry>> EntriesAsync() =>
        (await Store.LoadAsync(CancellationToken.None)).OrderBy(e => e.Id, StringComparer.Ordinal).ToList();

    /// <summary>Runs with --table and --endpoint-url pointing at this table.</summary>
    public Task<CliRun> RunAsync(params string[] args) =>
        RunRawAsync([.. args, "--table", Table, "--endpoint-url", dynalite.ServiceUrl.ToString()]);

    public Task<CliRun> RunRawAsync(string[] args, string input = "", bool interactive = false, Func<CliIo, Command>? command = null) =>
        RunCommandAsync(args, input, interactive, command ?? (io => SuppressionsCommand.Create(io, _ => Identity)));

    public static async Task<CliRun> RunCommandAsync(string[] args, string input, bool interactive, Func<CliIo, Command> command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var io = new CliIo(output, error, reader, interactive, new FixedClock(Now));
        var root = new RootCommand();
        root.Subcommands.Add(command(io));
        var parsed = root.Parse(["suppressions", .. args]);
        int exit;
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
            {
                error.WriteLine(parseError.Message);
            }

            exit = ExitCodes.UsageOrInputError;
        }
        else
        {
            exit = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        }

        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        return ValueTask.CompletedTask;
    }
}
