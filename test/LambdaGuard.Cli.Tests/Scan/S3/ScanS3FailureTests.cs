using System.CommandLine;
using Amazon.S3;
using LambdaGuard.Cli.Commands;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Cli.Tests.Scan.S3;

/// <summary>An object S3 refuses is reported and exits 2; the other objects are still scanned.</summary>
public sealed class ScanS3FailureTests
{
    private sealed class OneRefusedObject : IS3Objects
    {
        public Task<S3ListPage> ListAsync(string bucket, string prefix, string? delimiter, string? continuationToken, CancellationToken cancellationToken) =>
            Task.FromResult(new S3ListPage(["logs/a-refused.json", "logs/b-alice.json"], [], null));

        public Task<Stream> OpenAsync(string bucket, string key, CancellationToken cancellationToken) =>
            key.Contains("refused", StringComparison.Ordinal)
                ? throw new AmazonS3Exception("Access Denied")
                : Task.FromResult<Stream>(File.OpenRead(ScanRun.Fixture("alice-code-update.json")));
    }

    [Fact]
    public async Task Scan_WhenS3RefusesAnObject_ShouldReportItScanTheRestAndExit2()
    {
        // Arrange
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, Interactive: false, new AutoAdvancingTimeProvider(ScanRun.Today));
        var root = new RootCommand();
        root.Subcommands.Add(ScanCommand.Create(io, _ => new OneRefusedObject()));

        // Act
        var exitCode = await root.Parse(["scan", "s3://bucket/logs/", "--format", "jsonl", "--fail-on", "Low"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

        // Assert
        Assert.Equal(2, exitCode);
        Assert.Contains("\"path\":\"s3://bucket/logs/b-alice.json\"", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("s3://bucket/logs/a-refused.json: cannot open: Access Denied", error.ToString(), StringComparison.Ordinal);
    }
}
