using System.CommandLine;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.Commands;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;
using LambdaGuard.Testing.Fakes;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Cli.Tests.Suppressions;

/// <summary>Runs <c>lambdaguard suppressions ...</c> in-process with a fixed clock and a stub caller identity,
/// against an in-memory store (<see cref="InMemory"/>, most tests) or a fresh dynalite table
/// (<see cref="StartAsync"/>, the end-to-end ones), and gives direct access to the store for arranging and
/// asserting.</summary>
internal sealed class SuppressionCli : IAsyncDisposable
{
    public const string Caller = "arn:aws:iam::123456789012:user/admin-alice";
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);

    private readonly Uri? endpoint;
    private readonly AmazonDynamoDBClient? client;
    private readonly bool inMemory;

    private SuppressionCli(ISuppressionStore store, Uri? endpoint, AmazonDynamoDBClient? client)
    {
        Store = store;
        Table = store.Name;
        this.endpoint = endpoint;
        this.client = client;
        inMemory = client is null;
    }

    public string Table { get; }

    public ISuppressionStore Store { get; }

    public ICallerIdentity Identity { get; set; } = new StubCallerIdentity(Caller);

    public static SuppressionCli InMemory() => new(new InMemorySuppressionStore($"Suppressions-{Guid.NewGuid():N}"), null, null);

    public static async Task<SuppressionCli> StartAsync(DynaliteFixture dynalite)
    {
        var client = new AmazonDynamoDBClient(
            new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
            new AmazonDynamoDBConfig { ServiceURL = dynalite.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region });
        var table = $"Suppressions-{Guid.NewGuid():N}";
        await LambdaGuardTables.EnsureSuppressionsTableAsync(client, table);
        return new SuppressionCli(new DynamoDbSuppressionStore(client, table), dynalite.ServiceUrl, client);
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

    /// <summary>Runs with --table (and, for dynalite, --endpoint-url) pointing at this store.</summary>
    public Task<CliRun> RunAsync(params string[] args) =>
        RunRawAsync([.. args, "--table", Table, .. endpoint is null ? Array.Empty<string>() : ["--endpoint-url", endpoint.ToString()]]);

    public Task<CliRun> RunRawAsync(string[] args, string input = "", bool interactive = false, Func<CliIo, Command>? command = null) =>
        RunCommandAsync(args, input, interactive, command ?? (io => SuppressionsCommand.Create(io, _ => Identity, inMemory ? () => Store : null)));

    public static async Task<CliRun> RunCommandAsync(string[] args, string input, bool interactive, Func<CliIo, Command> command)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = new StringReader(input);
        var io = new CliIo(output, error, reader, interactive, new AutoAdvancingTimeProvider(Now));
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
        client?.Dispose();
        return ValueTask.CompletedTask;
    }
}
