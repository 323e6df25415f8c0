using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;
using LambdaGuard.Testing.Http;

namespace LambdaGuard.Cli.Tests.Replay;

/// <summary><c>lambdaguard replay</c> end to end: the CLI against dynalite and fauxqs, read back from a queue
/// subscribed to the topic.</summary>
[Collection(ReplayEmulatorCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReplayCommandEmulatorTests(DynaliteFixture dynalite, FauxqsFixture fauxqs)
{
    private static readonly string Samples = RepositoryPaths.InRepo("test", "LambdaGuard.Cli.Tests", "Replay", "Fixtures", "samples");

    [Fact]
    public async Task Replay_WhenSampleFolderReplayedTwice_ShouldPublishEachAlertOnceAndNothingTheSecondTime()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        var args = Args(queue, NewTable(), "--create-table", "--format", "jsonl");

        // Act
        var first = await CliRun.RunAsync(args);
        var firstDelivered = await queue.ReceiveAllAsync();
        var second = await CliRun.RunAsync(args);
        var secondDelivered = await queue.ReceiveAllAsync();

        // Assert
        Assert.True(first.ExitCode == 0, first.Error);
        var lines = first.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(lines, l => Assert.Equal("lambdaguard.replay/v1", l.GetProperty("schema").GetString()));
        var published = lines.Where(l => l.GetProperty("outcome").GetString() == "published").ToList();
        Assert.Equal(["LG001", "LG002", "LG004", "LG009"], published.Select(l => l.GetProperty("ruleId").GetString()).Order());
        Assert.Equal(1, lines.Count(l => l.GetProperty("outcome").GetString() == "no-finding"));
        var malformed = Assert.Single(lines, l => l.GetProperty("outcome").GetString() == "malformed");
        Assert.EndsWith("broken.jsonl", malformed.GetProperty("source").GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(
            published.Select(l => l.GetProperty("messageId").GetString()).Order(),
            firstDelivered.Select(m => m.GetProperty("MessageId").GetString()).Order());

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Empty(secondDelivered);
        var again = second.OutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, again.Count(l => l.GetProperty("outcome").GetString() == "duplicate"));
        Assert.DoesNotContain(again, l => l.GetProperty("outcome").GetString() == "published");
    }

    [Fact]
    public async Task Replay_WhenTableHoldsMatchingSuppression_ShouldPrintSuppressedWithTheEntryAndPublishTheRest()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        var table = NewTable();
        using var dynamoDb = DynamoDbClient();
        await LambdaGuardTables.EnsureSuppressionsTableAsync(dynamoDb, table);
        await new DynamoDbSuppressionStore(dynamoDb, table).AddAsync(
            new SuppressionEntry { Id = "orders-bootstrap", Reason = "orders team sets up its worker", ExpiresAt = DateTimeOffset.UtcNow.AddDays(2), Function = "orders-*" },
            CancellationToken.None);

        // Act
        var run = await CliRun.RunAsync(Args(queue, table, "--create-table"));

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        var suppressed = Assert.Single(run.OutLines, l => l.StartsWith("suppressed", StringComparison.Ordinal));
        Assert.Contains("cloudtrail-log.json#3", suppressed, StringComparison.Ordinal);
        Assert.Contains("by orders-bootstrap", suppressed, StringComparison.Ordinal);
        Assert.Equal(3, run.OutLines.Count(l => l.StartsWith("published", StringComparison.Ordinal)));
        Assert.Equal(3, (await queue.ReceiveAllAsync()).Count);
        Assert.Contains("3 published, 1 suppressed", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WhenBundledSamplesReplayedWithTheirSuppressions_ShouldDeliverEveryScanFindingOnceAndNothingTheSecondTime()
    {
        // Arrange: the README rehearsal; the table holds samples/suppressions.json, as an admin import would.
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        var table = NewTable();
        using var dynamoDb = DynamoDbClient();
        await LambdaGuardTables.EnsureSuppressionsTableAsync(dynamoDb, table);
        var store = new DynamoDbSuppressionStore(dynamoDb, table);
        foreach (var entry in SuppressionFile.Parse(File.ReadAllBytes(RepositoryPaths.InRepo("samples", "suppressions.json"))).Entries)
        {
            await store.AddAsync(entry, CancellationToken.None);
        }

        var scan = await CliRun.RunAsync("scan", RepositoryPaths.InRepo("samples", "cloudtrail"), "--suppressions", RepositoryPaths.InRepo("samples", "suppressions.json"), "--format", "jsonl");
        var expected = scan.OutLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventId").GetString()).Order().ToList();
        var args = Args(queue, table, "--create-table", "--format", "jsonl");
        args[1] = RepositoryPaths.InRepo("samples", "cloudtrail");

        // Act
        var first = await CliRun.RunAsync(args);
        var firstDelivered = await queue.ReceiveAllAsync();
        var second = await CliRun.RunAsync(args);
        var secondDelivered = await queue.ReceiveAllAsync();

        // Assert
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.True(expected.Count >= 10, scan.Error);
        var deliveredEventIds = firstDelivered
            .Select(m => JsonDocument.Parse(m.GetProperty("Message").GetString()!).RootElement)
            .Select(envelope => JsonDocument.Parse(envelope.GetProperty("sqs").GetString()!).RootElement.GetProperty("eventId").GetString())
            .Order()
            .ToList();
        Assert.Equal(expected, deliveredEventIds);
        var suppressed = Assert.Single(first.OutLines, l => l.Contains("\"suppressed\"", StringComparison.Ordinal));
        Assert.Contains("deploy-role-legacy-cleanup", suppressed, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Empty(secondDelivered);
        Assert.DoesNotContain(second.OutLines, l => l.Contains("\"published\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replay_WhenTablesMissingWithoutCreateTable_ShouldFailAsAnInputErrorWithAHint()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);

        // Act
        var run = await CliRun.RunAsync(Args(queue, NewTable()));

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--create-table", run.Error, StringComparison.Ordinal);
        Assert.Empty(await queue.ReceiveAllAsync());
    }

    [Fact]
    public async Task TestAlert_WhenTopicExists_ShouldPrintTheMessageIdOfALabelledTestAlert()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);

        // Act
        var run = await CliRun.RunAsync("test-alert", "--topic-arn", queue.TopicArn, "--endpoint-url", fauxqs.ServiceUrl.ToString());

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        var delivered = Assert.Single(await queue.ReceiveAllAsync());
        Assert.Equal(run.Out.Trim(), delivered.GetProperty("MessageId").GetString());
        Assert.StartsWith("LambdaGuard TEST alert", delivered.GetProperty("Subject").GetString(), StringComparison.Ordinal);
        Assert.Equal("TEST", delivered.GetProperty("MessageAttributes").GetProperty("ruleId").GetProperty("Value").GetString());
    }

    [Fact]
    public async Task TestAlert_WhenSnsEndpointIsGivenBesideASharedOne_ShouldPublishToTheSnsEndpoint()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        var closed = ClosedLoopbackPort.Url().ToString();

        // Act
        var run = await CliRun.RunAsync("test-alert", "--topic-arn", queue.TopicArn, "--endpoint-url", closed, "--sns-endpoint-url", fauxqs.ServiceUrl.ToString());

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Single(await queue.ReceiveAllAsync());
    }

    private string[] Args(SubscribedQueue queue, string table, params string[] extra) =>
    [
        "replay", Samples,
        "--table", table,
        "--claims-table", table + "-claims",
        "--topic-arn", queue.TopicArn,
        "--dynamodb-endpoint-url", dynalite.ServiceUrl.ToString(),
        "--sns-endpoint-url", fauxqs.ServiceUrl.ToString(),
        "--no-deployed-settings",
        .. extra,
    ];

    private static string NewTable() => $"Suppressions-{Guid.NewGuid():N}";

    private AmazonDynamoDBClient DynamoDbClient() => new(
        new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
        new AmazonDynamoDBConfig { ServiceURL = dynalite.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region });
}
