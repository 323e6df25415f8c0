using System.CommandLine;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using LambdaGuard.Cli.Commands;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;
using LambdaGuard.Testing.Http;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Cli.Tests.Scan.S3;

/// <summary><c>scan s3://bucket/prefix</c> against the S3 of fauxqs (path-style, ListObjectsV2, GetObject).</summary>
[Collection(ScanS3Collection.Name)]
[Trait("Category", "Integration")]
public sealed class ScanS3Tests(FauxqsFixture fauxqs) : IDisposable
{
    private const string Account = "123456789012";
    private readonly AmazonS3Client s3 = FauxqsS3.Client(fauxqs.ServiceUrl);

    public void Dispose() => s3.Dispose();

    private static List<JsonElement> JsonLines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();

    private async Task<string> NewBucketAsync()
    {
        var bucket = "lg-scan-" + Guid.NewGuid().ToString("N")[..12];
        await s3.PutBucketAsync(bucket);
        return bucket;
    }

    private Task PutAsync(string bucket, string key, string file) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, FilePath = file });

    private Task PutTextAsync(string bucket, string key, string body) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, ContentBody = body });

    private static async Task<string> AliceUpdateAtAsync(DateTimeOffset time) =>
        (await File.ReadAllTextAsync(ScanRun.Fixture("alice-code-update.json")))
            .Replace("2026-11-20T09:00:00Z", time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string DayKey(string root, DateTimeOffset delivered) =>
        $"{root}CloudTrail/us-east-1/{delivered:yyyy/MM/dd}/{Account}_CloudTrail_us-east-1_{delivered:yyyyMMdd'T'HHmm'Z'}_{Guid.NewGuid():N}.json";

    /// <summary>Runs scan through the real option parsing with S3 calls counted.</summary>
    private async Task<(int ExitCode, string Out, string Error, CountingS3Objects S3)> ScanAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, Interactive: false, new AutoAdvancingTimeProvider(ScanRun.Today));
        var counting = new CountingS3Objects(new SdkS3Objects(s3));
        var root = new RootCommand();
        root.Subcommands.Add(ScanCommand.Create(io, _ => counting));
        var exitCode = await root.Parse(["scan", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString(), counting);
    }

    [Fact]
    public async Task Scan_WhenPathIsAnS3Prefix_ShouldFindWhatTheLocalScanFindsWithS3Uris()
    {
        // Arrange
        var bucket = await NewBucketAsync();
        var local = Path.Combine(ScanRun.SamplesFolder, "AWSLogs");
        foreach (var file in Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories))
        {
            await PutAsync(bucket, "AWSLogs/" + Path.GetRelativePath(local, file).Replace('\\', '/'), file);
        }

        // Act
        var fromDisk = await ScanRun.RunAsync(local, "--format", "jsonl");
        var run = await LambdaGuardCliRunAsync("scan", $"s3://{bucket}/AWSLogs/", "--endpoint-url", fauxqs.ServiceUrl.ToString(), "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var findings = JsonLines(run.Out);
        Assert.Equal(fromDisk.OutLines.Length, findings.Count);
        Assert.Equal(
            JsonLines(fromDisk.Out).Select(f => f.GetProperty("eventId").GetString()),
            findings.Select(f => f.GetProperty("eventId").GetString()));
        Assert.All(findings, f => Assert.StartsWith($"s3://{bucket}/AWSLogs/{Account}/CloudTrail/", f.GetProperty("source").GetProperty("path").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_WhenAOneDayWindowCoversAMonthOfOrganizationTrail_ShouldGetOnlyThatDaysObjects()
    {
        // Arrange: one object a day through November, delivered 10:00; and on the 21st a file delivered at 00:30
        // holding a record of the 20th 23:55 (inside the delivery-lag margin).
        var bucket = await NewBucketAsync();
        var root = $"AWSLogs/o-abc123example/{Account}/";
        for (var day = 1; day <= 30; day++)
        {
            var delivered = new DateTimeOffset(2026, 11, day, 10, 0, 0, TimeSpan.Zero);
            await PutTextAsync(bucket, DayKey(root, delivered), await AliceUpdateAtAsync(delivered.AddMinutes(-5)));
        }

        var late = DayKey(root, new DateTimeOffset(2026, 11, 21, 0, 30, 0, TimeSpan.Zero));
        await PutTextAsync(bucket, late, await AliceUpdateAtAsync(new DateTimeOffset(2026, 11, 20, 23, 55, 0, TimeSpan.Zero)));

        // Act
        var run = await ScanAsync($"s3://{bucket}/AWSLogs/", "--since", "2026-11-20T00:00:00Z", "--until", "2026-11-21T00:00:00Z", "--format", "jsonl");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var opened = run.S3.OpenedKeys.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, opened.Count);
        Assert.Contains("/2026/11/20/", opened[0], StringComparison.Ordinal);
        Assert.Equal(late, opened[1]);
        var times = JsonLines(run.Out).Select(f => f.GetProperty("eventTime").GetString()).ToList();
        Assert.Equal(["2026-11-20T09:55:00Z", "2026-11-20T23:55:00Z"], times);
        Assert.Contains("S3 objects and", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenABucketCannotBeListed_ShouldScanTheRestAndExit2NamingThePrefix()
    {
        // Arrange
        var missing = "lg-missing-" + Guid.NewGuid().ToString("N")[..12];

        // Act
        var run = await ScanAsync($"s3://{missing}/AWSLogs/", ScanRun.Fixture("alice-code-update.json"), "--format", "jsonl", "--fail-on", "Low");

        // Assert
        Assert.Equal(2, run.ExitCode);
        Assert.Single(JsonLines(run.Out));
        Assert.Contains($"s3://{missing}/AWSLogs/: cannot list:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WhenFormatIsOcsfAndS3HasItsOwnEndpoint_ShouldReadS3ThereAndPrintEveryFinding()
    {
        // Arrange: --endpoint-url points nowhere, so only --s3-endpoint-url can reach the objects.
        var bucket = await NewBucketAsync();
        var local = Path.Combine(ScanRun.SamplesFolder, "AWSLogs");
        foreach (var file in Directory.EnumerateFiles(local, "*", SearchOption.AllDirectories))
        {
            await PutAsync(bucket, "AWSLogs/" + Path.GetRelativePath(local, file).Replace('\\', '/'), file);
        }

        // Act
        var fromDisk = await ScanRun.RunAsync(local, "--format", "jsonl");
        var run = await LambdaGuardCliRunAsync(
            "scan", $"s3://{bucket}/AWSLogs/", "--endpoint-url", ClosedLoopbackPort.Url().ToString(), "--s3-endpoint-url", fauxqs.ServiceUrl.ToString(), "--format", "ocsf");

        // Assert
        Assert.Equal(0, run.ExitCode);
        var findings = JsonLines(run.Out);
        Assert.Equal(fromDisk.OutLines.Length, findings.Count);
        Assert.All(findings, f => Assert.Equal(2004, f.GetProperty("class_uid").GetInt32()));
    }

    private static async Task<(int ExitCode, string Out, string Error)> LambdaGuardCliRunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, Interactive: false, new AutoAdvancingTimeProvider(ScanRun.Today));
        var exitCode = await LambdaGuardCli.RunAsync(args, io);
        return (exitCode, output.ToString(), error.ToString());
    }
}
