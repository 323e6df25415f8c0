using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Coverage;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Function;
using LambdaGuard.Function.Settings;

namespace LambdaGuard.Benchmarks;

/// <summary>
/// One central detector, 500 accounts x 17 regions (docs/organization.md): each operation replays one event
/// from every account and region (8,500 events) through one warm handler with in-memory ports, so
/// events/s per invocation = 8,500 / Mean and memory per event = Allocated / 8,500. The network (DynamoDB,
/// SNS) is excluded; the DynamoDB operations per event are counted in OrganizationReplayTests.
/// </summary>
[MemoryDiagnoser]
public class OrganizationScaleBenchmarks
{
    private const int Accounts = 500;

    private static readonly string[] Regions =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-central-1", "eu-west-1",
        "eu-west-2", "eu-west-3", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-southeast-1", "ap-southeast-2",
    ];

    private FunctionHandler handler = null!;
    private byte[][] heartbeats = [];
    private byte[][] pipelineChanges = [];
    private byte[][] humanChanges = [];

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
        var ports = new Ports();
        handler = new FunctionHandler(settings, ports, ports, ports, ports, TimeSpan.FromHours(4), TimeProvider.System, Stream.Null);
        var spokes = Enumerable.Range(0, Accounts)
            .SelectMany(a => Regions.Select((r, i) => ((100_000_000_000L + a).ToString(CultureInfo.InvariantCulture), r, (a * Regions.Length) + i)))
            .ToList();
        heartbeats = [.. spokes.Select(s => Heartbeat(s.Item1, s.r))];
        pipelineChanges = [.. spokes.Select(s => Change(SyntheticLogs.PipelineCodeUpdate, s.Item1, s.r, s.Item3))];
        humanChanges = [.. spokes.Select(s => Change(SyntheticLogs.HumanCodeUpdate, s.Item1, s.r, s.Item3))];
    }

    [Benchmark(OperationsPerInvoke = Accounts * 17)]
    public Task HeartbeatFromEverySpoke() => Replay(heartbeats);

    [Benchmark(OperationsPerInvoke = Accounts * 17)]
    public Task PipelineChangeFromEverySpoke() => Replay(pipelineChanges);

    [Benchmark(OperationsPerInvoke = Accounts * 17)]
    public Task HumanChangeFromEverySpoke() => Replay(humanChanges);

    private async Task Replay(byte[][] events)
    {
        foreach (var payload in events)
        {
            await handler.Handle(new MemoryStream(payload, writable: false)).ConfigureAwait(false);
        }
    }

    private static byte[] Heartbeat(string account, string region) => Encoding.UTF8.GetBytes(
        $$$"""{"version":"0","id":"hb","detail-type":"LambdaGuard Heartbeat","source":"lambdaguard.heartbeat","account":"{{{account}}}","time":"2026-11-20T09:00:00Z","region":"{{{region}}}","resources":[],"detail":{"kind":"heartbeat"}}""");

    private static byte[] Change(string record, string account, string region, int index)
    {
        var detail = record.Trim()
            .Replace("123456789012", account, StringComparison.Ordinal)
            .Replace("us-east-1", region, StringComparison.Ordinal)
            .Replace("\"eventID\":\"e-", $"\"eventID\":\"{index}-", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(
            $$"""{"version":"0","id":"ev-{{index}}","detail-type":"AWS API Call via CloudTrail","source":"aws.lambda","account":"{{account}}","time":"2026-11-20T09:01:10Z","region":"{{region}}","resources":[],"detail":{{detail}}}""");
    }

    // Every claim granted (each run replays the same event ids), nothing suppressed, publish accepted.
    private sealed class Ports : ISuppressionSource, IAlertClaims, IAlertPublisher, ISpokeSignals
    {
        private readonly Dictionary<(string, string), SpokeSignal> signals = [];

        public Task<IReadOnlyList<SuppressionEntry>> LoadAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SuppressionEntry>>([]);

        public Task<ClaimOutcome> TryClaimAsync(string alertId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
            Task.FromResult(new ClaimOutcome(ClaimStatus.Claimed, "token"));

        public Task MarkPublishedAsync(string alertId, string claimToken, string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task<bool> ReleaseAsync(string alertId, string claimToken, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<string> PublishAsync(AlertMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken) =>
            Task.FromResult("00000000-0000-0000-0000-000000000000");

        public Task RecordAsync(string account, string region, DateTimeOffset signalAt, CancellationToken cancellationToken)
        {
            signals[(account, region)] = new SpokeSignal(account, region, signalAt);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<SpokeSignal>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SpokeSignal>>([.. signals.Values]);

        public Task<bool> TryMarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset now, CancellationToken cancellationToken) =>
            Task.FromResult(false);

        public Task UnmarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset markedAt, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
