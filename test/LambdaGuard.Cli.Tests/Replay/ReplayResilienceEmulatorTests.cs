using System.Diagnostics;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;
using LambdaGuard.Testing.Http;

namespace LambdaGuard.Cli.Tests.Replay;

/// <summary>Issue 12's guarantees end to end through <c>lambdaguard replay</c>: a DynamoDB endpoint that never
/// answers or answers too late does not stop alerts (fauxqs delivers them), tamper events go back to their topic
/// unchanged, and replay judges with the deployed detector settings (an SSM stub).</summary>
[Collection(ReplayEmulatorCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReplayResilienceEmulatorTests(DynaliteFixture dynalite, FauxqsFixture fauxqs)
{
    private static readonly string Samples = RepositoryPaths.InRepo("test", "LambdaGuard.Cli.Tests", "Replay", "Fixtures", "samples");
    private static readonly string Failures = RepositoryPaths.InRepo("test", "LambdaGuard.Cli.Tests", "Replay", "Fixtures", "failures");
    private static readonly string BreakGlassEvent = RepositoryPaths.InRepo("test", "LambdaGuard.Cli.Tests", "Replay", "Fixtures", "settings", "deploy-role-updates-code.json");

    [Fact]
    public async Task Replay_WhenDynamoDbAcceptsConnectionsAndNeverAnswers_ShouldPublishEveryAlertWithinTenSecondsPerEventMarkedUnchecked()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        using var blackHole = BlackHoleEndpoint.Start();
        var clock = Stopwatch.StartNew();

        // Act
        var run = await CliRun.RunAsync(Args(queue, Samples, blackHole.Url, "--no-deployed-settings"));
        var elapsed = clock.Elapsed;
        var delivered = await queue.ReceiveAllAsync();

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(blackHole.Accepted > 0);
        var published = Lines(run).Where(l => l.GetProperty("outcome").GetString() == "published").ToList();
        Assert.Equal(4, published.Count);
        Assert.All(published, l => Assert.Equal("Unavailable", l.GetProperty("suppressionCheck").GetString()));
        Assert.All(published, l => Assert.True(l.GetProperty("claimsUnavailable").GetBoolean()));
        Assert.Equal(4, delivered.Count);
        Assert.All(delivered, m => Assert.Contains("unavailable", AlertJson(m).GetProperty("suppressionCheck").GetString(), StringComparison.OrdinalIgnoreCase));
        Assert.True(elapsed < TimeSpan.FromSeconds(10) * published.Count, $"took {elapsed.TotalSeconds:0.0} s for {published.Count} alerts");
    }

    [Fact]
    public async Task Replay_WhenDynamoDbAnswersSixSecondsLate_ShouldPublishWithinTheBudgetMarkedUnchecked()
    {
        // Arrange: the tables exist in dynalite; every answer reaches replay 6 s late.
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        var table = $"Suppressions-{Guid.NewGuid():N}";
        using (var direct = new AmazonDynamoDBClient(
            new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
            new AmazonDynamoDBConfig { ServiceURL = dynalite.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region }))
        {
            await LambdaGuardTables.EnsureSuppressionsTableAsync(direct, table);
            await LambdaGuardTables.EnsureAlertClaimsTableAsync(direct, table + "-claims");
        }

        using var slow = DelayingProxy.Start(dynalite.ServiceUrl, TimeSpan.FromSeconds(6));
        var args = Args(queue, Path.Combine(Samples, "eventbridge-add-permission.json"), slow.Url, "--no-deployed-settings");
        args[3] = table;
        args[5] = table + "-claims";
        var clock = Stopwatch.StartNew();

        // Act
        var run = await CliRun.RunAsync(args);
        var elapsed = clock.Elapsed;

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("cannot check the tables (no answer in time)", run.Error, StringComparison.Ordinal);
        var published = Assert.Single(Lines(run), l => l.GetProperty("outcome").GetString() == "published");
        Assert.Equal("Unavailable", published.GetProperty("suppressionCheck").GetString());
        Assert.Contains(published.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("no answer within 2 s", StringComparison.Ordinal));
        Assert.Single(await queue.ReceiveAllAsync());
        Assert.True(elapsed < TimeSpan.FromSeconds(20), $"took {elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task Replay_WhenRuleDlqHoldsATamperEvent_ShouldRepublishTheEventUnchangedToTheTamperTopic()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        var body = JsonDocument.Parse(File.ReadAllText(Path.Combine(Failures, "rule-dlq-tamper.json"))).RootElement.GetProperty("Messages")[0].GetProperty("Body").GetString();

        // Act
        var run = await CliRun.RunAsync([.. Args(queue, Path.Combine(Failures, "rule-dlq-tamper.json"), dynalite.ServiceUrl, "--no-deployed-settings", "--create-table"), "--tamper-topic-arn", queue.TopicArn]);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        var delivered = Assert.Single(await queue.ReceiveAllAsync());

        // fauxqs hands subscribers the MessageStructure=json document itself; SNS would deliver its "default".
        Assert.Equal(body, JsonDocument.Parse(delivered.GetProperty("Message").GetString()!).RootElement.GetProperty("default").GetString());
        Assert.Equal(delivered.GetProperty("MessageId").GetString(), Assert.Single(Lines(run)).GetProperty("messageId").GetString());
    }

    [Fact]
    public async Task Replay_WhenGivenAnS3AuditFailureObject_ShouldReadItWithTheS3ClientAndPublishTheLg011Audit()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        using var s3 = LoopbackHttpStub.Start();
        s3.Enqueue(new StubResponse(200, File.ReadAllText(Path.Combine(Failures, "audit-failure-object.json")), "application/octet-stream"));
        const string Object = "s3://lambdaguard-audit-failures/aws/lambda/uuid-1/shardId-1/2026/11/30/batch-1";

        // Act
        var run = await CliRun.RunAsync([.. Args(queue, Object, dynalite.ServiceUrl, "--no-deployed-settings", "--create-table"), "--s3-endpoint-url", s3.BaseUrl.ToString()]);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("GET", Assert.Single(s3.Requests).Method);
        Assert.StartsWith("/lambdaguard-audit-failures/aws/lambda/uuid-1/shardId-1/2026/11/30/batch-1", s3.Requests[0].Target, StringComparison.Ordinal);
        var line = Assert.Single(Lines(run));
        Assert.Equal(("published", "LG011"), (line.GetProperty("outcome").GetString(), line.GetProperty("ruleId").GetString()));
        Assert.Single(await queue.ReceiveAllAsync());
    }

    [Fact]
    public async Task Replay_ByDefault_ShouldJudgeWithTheDeployedDetectorSettingsFromSsm()
    {
        // Arrange: the deployed settings name BreakGlassOps a human role; without them its change raises nothing.
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        using var ssm = LoopbackHttpStub.Start();
        var settings = """{"ownFunction":"*LambdaGuard*","humanRoles":["arn:aws:iam::*:role/BreakGlassOps"],"trustedAccounts":[],"trustedOrganizationId":null}""";
        ssm.Enqueue(new StubResponse(200, JsonSerializer.Serialize(new { Parameter = new { Name = "/lambdaguard/detector-settings", Type = "String", Value = settings, Version = 1 } }), "application/x-amz-json-1.1"));

        // Act
        var withoutDeployed = await CliRun.RunAsync(Args(queue, BreakGlassEvent, dynalite.ServiceUrl, "--no-deployed-settings", "--create-table"));
        var deployed = await CliRun.RunAsync([.. Args(queue, BreakGlassEvent, dynalite.ServiceUrl, "--create-table"), "--ssm-endpoint-url", ssm.BaseUrl.ToString()]);

        // Assert
        Assert.True(deployed.ExitCode == 0, deployed.Error);
        Assert.Equal("no-finding", Assert.Single(Lines(withoutDeployed)).GetProperty("outcome").GetString());
        var line = Assert.Single(Lines(deployed));
        Assert.Equal("published", line.GetProperty("outcome").GetString());
        Assert.Equal("LG001", line.GetProperty("ruleId").GetString());
        var request = Assert.Single(ssm.Requests);
        Assert.Equal("AmazonSSM.GetParameter", request.Header("X-Amz-Target"));
        Assert.Contains("/lambdaguard/detector-settings", request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_WhenACommandLineOptionIsGiven_ShouldOverrideTheDeployedSetting()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        using var ssm = LoopbackHttpStub.Start();
        var settings = """{"ownFunction":"*LambdaGuard*","humanRoles":["arn:aws:iam::*:role/BreakGlassOps"],"trustedAccounts":[],"trustedOrganizationId":null}""";
        ssm.Enqueue(new StubResponse(200, JsonSerializer.Serialize(new { Parameter = new { Name = "/lambdaguard/detector-settings", Type = "String", Value = settings, Version = 1 } }), "application/x-amz-json-1.1"));

        // Act
        var run = await CliRun.RunAsync([.. Args(queue, BreakGlassEvent, dynalite.ServiceUrl, "--create-table"), "--ssm-endpoint-url", ssm.BaseUrl.ToString(), "--human-role", "arn:aws:iam::*:role/Admin"]);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("no-finding", Assert.Single(Lines(run)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Replay_WhenTheSettingsParameterIsMissing_ShouldStopWithTheInputCodeAndSayHowToGoOn()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        using var ssm = LoopbackHttpStub.Start();
        ssm.Enqueue(new StubResponse(400, """{"__type":"ParameterNotFound","message":"not found"}""", "application/x-amz-json-1.1"));

        // Act
        var run = await CliRun.RunAsync([.. Args(queue, BreakGlassEvent, dynalite.ServiceUrl, "--create-table"), "--ssm-endpoint-url", ssm.BaseUrl.ToString()]);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("--no-deployed-settings", run.Error, StringComparison.Ordinal);
        Assert.Empty(await queue.ReceiveAllAsync());
    }

    [Fact]
    public async Task Replay_WhenTheDeployedSettingsHoldAGlobThatCanNeverMatch_ShouldRefuseAndShowTheFix()
    {
        // Arrange
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        using var ssm = LoopbackHttpStub.Start();
        var settings = """{"ownFunction":"*LambdaGuard*","humanRoles":["Admin"],"trustedAccounts":[],"trustedOrganizationId":null}""";
        ssm.Enqueue(new StubResponse(200, JsonSerializer.Serialize(new { Parameter = new { Name = "/lambdaguard/detector-settings", Type = "String", Value = settings, Version = 1 } }), "application/x-amz-json-1.1"));

        // Act
        var run = await CliRun.RunAsync([.. Args(queue, BreakGlassEvent, dynalite.ServiceUrl, "--create-table"), "--ssm-endpoint-url", ssm.BaseUrl.ToString()]);

        // Assert
        Assert.Equal(ExitCodes.UsageOrInputError, run.ExitCode);
        Assert.Contains("humanRoles: 'Admin' is not a role ARN glob", run.Error, StringComparison.Ordinal);
        Assert.Contains("arn:aws:iam::*:role/Admin", run.Error, StringComparison.Ordinal);
    }

    private string[] Args(SubscribedQueue queue, string path, Uri dynamoDb, params string[] extra) =>
    [
        "replay", path,
        "--table", $"Suppressions-{Guid.NewGuid():N}",
        "--claims-table", $"Claims-{Guid.NewGuid():N}",
        "--topic-arn", queue.TopicArn,
        "--dynamodb-endpoint-url", dynamoDb.ToString(),
        "--sns-endpoint-url", fauxqs.ServiceUrl.ToString(),
        "--format", "jsonl",
        .. extra,
    ];

    private static List<JsonElement> Lines(CliRun run) => [.. run.OutLines.Select(l => JsonDocument.Parse(l).RootElement)];

    private static JsonElement AlertJson(JsonElement delivered) =>
        JsonDocument.Parse(JsonDocument.Parse(delivered.GetProperty("Message").GetString()!).RootElement.GetProperty("sqs").GetString()!).RootElement;
}
