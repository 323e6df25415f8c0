using System.Text;
using BenchmarkDotNet.Attributes;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Function;
using LambdaGuard.Function.Settings;

namespace LambdaGuard.Benchmarks;

/// <summary>Warm <c>Handle(Stream)</c> per event with in-memory ports: envelope parsing, detection,
/// suppression check, claim, message building and the log/EMF lines, everything but the network.</summary>
[MemoryDiagnoser]
public class HandlerBenchmarks
{
    private FunctionHandler _handler = null!;
    private byte[] _otherService = [];
    private byte[] _pipeline = [];
    private byte[] _human = [];

    [GlobalSetup]
    public void Setup()
    {
        var settings = new FunctionSettings
        {
            SuppressionsTable = "LambdaGuard-Suppressions",
            ClaimsTable = "LambdaGuard-AlertClaims",
            TopicArn = "arn:aws:sns:us-east-1:123456789012:LambdaGuard-Alerts",
            Detector = new DetectorSettings(),
            Timeout = TimeSpan.FromSeconds(30),
        };
        _handler = new FunctionHandler(settings, new NoSuppressions(), new AlwaysClaim(), new NullPublisher(), TimeProvider.System, Stream.Null);
        _otherService = Envelope(SyntheticLogs.HumanCodeUpdate.Replace("lambda.amazonaws.com", "s3.amazonaws.com", StringComparison.Ordinal));
        _pipeline = Envelope(SyntheticLogs.PipelineCodeUpdate);
        _human = Envelope(SyntheticLogs.HumanCodeUpdate);
    }

    [Benchmark]
    public Task<Stream> OtherServiceEvent() => _handler.Handle(new MemoryStream(_otherService, writable: false));

    [Benchmark]
    public Task<Stream> NonAlertingEvent() => _handler.Handle(new MemoryStream(_pipeline, writable: false));

    [Benchmark]
    public Task<Stream> AlertingEvent() => _handler.Handle(new MemoryStream(_human, writable: false));

    private static byte[] Envelope(string detail) => Encoding.UTF8.GetBytes(
        $$"""{"version":"0","id":"6a7e8feb-b491-4cf7-a9f1-bf3703467718","detail-type":"AWS API Call via CloudTrail","source":"aws.lambda","account":"123456789012","time":"2026-11-20T09:01:10Z","region":"us-east-1","resources":[],"detail":{{detail.Trim()}}}""");

    private sealed class NoSuppressions : ISuppressionSource
    {
        public Task<IReadOnlyList<SuppressionEntry>> LoadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SuppressionEntry>>([]);
    }

    private sealed class AlwaysClaim : IAlertClaims
    {
        public Task<ClaimOutcome> TryClaimAsync(string alertId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
            Task.FromResult(new ClaimOutcome(ClaimStatus.Claimed, "token"));

        public Task MarkPublishedAsync(string alertId, string claimToken, string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task<bool> ReleaseAsync(string alertId, string claimToken, CancellationToken cancellationToken) =>
            Task.FromResult(true);
    }

    private sealed class NullPublisher : IAlertPublisher
    {
        public Task<string> PublishAsync(AlertMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
            Task.FromResult("00000000-0000-0000-0000-000000000000");
    }
}
