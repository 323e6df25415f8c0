using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3.Model;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Cli.Tests.Replay;
using LambdaGuard.Cli.Tests.Scan;
using LambdaGuard.Cli.Tests.Scan.S3;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Cli.Tests.NativeAot;

/// <summary>The Native AOT binary does what the in-process CLI does: nothing is compiled at run time there,
/// so a serializer, a command or an AWS client that only works with reflection would fail here first. The
/// S3 and DynamoDB calls go to fauxqs and dynalite.</summary>
[Trait("Category", "Integration")]
public sealed class NativeAotBinaryTests(NativeAotBinary binary) : IClassFixture<NativeAotBinary>
{
    private static string Relative(string output) =>
        output.Replace(RepositoryPaths.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).ReplaceLineEndings("\n");

    [Fact]
    public async Task Scan_WhenTheNativeBinaryScansTheSamples_ShouldPrintTheGoldenFindings()
    {
        // Act: the arguments of ScanGoldenTests.
        var run = await binary.RunAsync("scan", "--format", "jsonl", "--suppressions", ScanRun.SampleSuppressions, "--show-suppressed", "--as-of", "2026-11-20T12:00:00Z", ScanRun.SamplesFolder);

        // Assert
        Assert.True(run.ExitCode == 0, run.Error);
        var golden = await File.ReadAllTextAsync(RepositoryPaths.InRepo("test", "LambdaGuard.Cli.Tests", "Golden", "scan-samples.jsonl"));
        Assert.Equal(golden.ReplaceLineEndings("\n"), Relative(run.Out));
        Assert.Contains(" 0 malformed, 0 unreadable files", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenTheNativeBinaryReadsAnS3Prefix_ShouldFindWhatItFindsOnDisk()
    {
        // Arrange
        await using var fauxqs = await FauxqsServer.StartAsync();
        using var s3 = FauxqsS3.Client(fauxqs.ServiceUrl);
        var bucket = "lg-aot-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);
        var local = Path.Combine(ScanRun.SamplesFolder, "AWSLogs");
        foreach (var file in Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories))
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = "AWSLogs/" + Path.GetRelativePath(local, file).Replace('\\', '/'), FilePath = file });
        }

        // Act
        var fromDisk = await binary.RunAsync("scan", local, "--format", "jsonl");
        var fromS3 = await binary.RunAsync("scan", $"s3://{bucket}/AWSLogs/", "--endpoint-url", fauxqs.ServiceUrl.ToString(), "--format", "jsonl");

        // Assert
        Assert.True(fromS3.ExitCode == 0, fromS3.Error);
        var expected = EventIds(fromDisk.Out);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, EventIds(fromS3.Out));
        Assert.Contains($"s3://{bucket}/AWSLogs/", fromS3.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suppressions_WhenTheNativeBinaryAddsAndListsAnEntry_ShouldReadBackWhatItWrote()
    {
        // Arrange: the table as the stack creates it; fauxqs answers the caller-identity call.
        await using var dynalite = await DynaliteServer.StartAsync();
        await using var fauxqs = await FauxqsServer.StartAsync();
        using var dynamo = new AmazonDynamoDBClient(
            new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
            new AmazonDynamoDBConfig { ServiceURL = dynalite.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region });
        var table = $"Suppressions-{Guid.NewGuid():N}";
        await LambdaGuardTables.EnsureSuppressionsTableAsync(dynamo, table);

        // Act
        var add = await binary.RunAsync(
            "suppressions", "add", "--table", table, "--id", "alice-hotfix", "--reason", "OPS-42 hotfix", "--expires-at", "7d",
            "--principal", "arn:aws:iam::123456789012:user/alice", "--rule-id", "LG001",
            "--endpoint-url", dynalite.ServiceUrl.ToString(), "--sts-endpoint-url", fauxqs.ServiceUrl.ToString());
        var list = await binary.RunAsync("suppressions", "list", "--table", table, "--format", "json", "--endpoint-url", dynalite.ServiceUrl.ToString());

        // Assert
        Assert.True(add.ExitCode == 0, add.Error);
        Assert.True(list.ExitCode == 0, list.Error);
        using var document = JsonDocument.Parse(list.Out);
        var entry = Assert.Single(document.RootElement.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("alice-hotfix", entry.GetProperty("id").GetString());
        Assert.Equal("arn:aws:iam::123456789012:user/alice", entry.GetProperty("principal").GetString());
    }

    [Fact]
    public async Task Replay_WhenTheNativeBinaryRedrivesTheSamples_ShouldPublishEachFindingOnce()
    {
        // Arrange: the README rehearsal, with a queue subscribed to the topic.
        await using var dynalite = await DynaliteServer.StartAsync();
        await using var fauxqs = await FauxqsServer.StartAsync();
        using var queue = await SubscribedQueue.CreateAsync(fauxqs);
        string[] replay =
        [
            "replay", ScanRun.SamplesFolder, "--table", $"Suppressions-{Guid.NewGuid():N}", "--topic-arn", queue.TopicArn, "--no-deployed-settings",
            "--dynamodb-endpoint-url", dynalite.ServiceUrl.ToString(), "--sns-endpoint-url", fauxqs.ServiceUrl.ToString(),
        ];

        // Act
        var first = await binary.RunAsync([.. replay, "--create-table"]);
        var published = await queue.ReceiveAllAsync();
        var second = await binary.RunAsync(replay);

        // Assert: SigV4-signed Publish calls went out once per finding; the claims table stopped the repeats.
        Assert.True(first.ExitCode == 0, first.Error);
        Assert.Contains("17 published, 0 suppressed, 0 duplicate", first.Out + first.Error, StringComparison.Ordinal);
        Assert.Equal(17, published.Count);
        Assert.All(published, envelope => Assert.StartsWith("LG0", envelope.GetProperty("MessageAttributes").GetProperty("ruleId").GetProperty("Value").GetString(), StringComparison.Ordinal));
        Assert.Equal(17, published.Select(envelope => envelope.GetProperty("Subject").GetString()).Count(subject => subject!.StartsWith("LambdaGuard ", StringComparison.Ordinal)));
        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Contains("0 published, 0 suppressed, 17 duplicate", second.Out + second.Error, StringComparison.Ordinal);
        Assert.Empty(await queue.ReceiveAllAsync());
    }

    private static List<string?> EventIds(string jsonl) =>
        jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("eventId").GetString()).ToList();
}
