using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Coverage;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Function.Tests.Support;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Function.Tests.Coverage;

/// <summary>
/// 500 accounts x 17 regions through the central detector's code path (Handle(Stream) with counting in-memory
/// ports): what reaches the hub, what it writes to DynamoDB per event, and that every alert names the member
/// account and region. Timing lives in bench/LambdaGuard.Benchmarks (OrganizationScaleBenchmarks).
/// </summary>
public sealed class OrganizationReplayTests
{
    private const int Accounts = 500;

    private static readonly string[] Regions =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1", "sa-east-1", "eu-central-1", "eu-west-1",
        "eu-west-2", "eu-west-3", "eu-north-1", "ap-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
        "ap-southeast-1", "ap-southeast-2",
    ];

    [Fact]
    public async Task Handle_WhenEveryAccountAndRegionSendsAHeartbeatAndAHumanCodeChange_ShouldAlertEachWithItsOwnAccountAndRegion()
    {
        // Arrange
        var ports = new CountingPorts();
        var clock = new AutoAdvancingTimeProvider(TestSettings.Now);
        var handler = new FunctionHandler(TestSettings.Create(), ports, ports, ports, ports.Signals, TimeSpan.FromHours(4), clock, Stream.Null);
        var template = FixtureFiles.Text("eventbridge-update-code-by-user.json");

        // Act
        var events = 0;
        foreach (var (account, region, index) in Spokes())
        {
            await handler.Handle(new MemoryStream(Heartbeat(account, region)));
            await handler.Handle(new MemoryStream(Change(template, account, region, index)));
            events += 2;
        }

        // Assert
        Assert.Equal(Accounts * Regions.Length, ports.Published.Count);
        foreach (var ((account, region, _), message) in Spokes().Zip(ports.Published))
        {
            Assert.Equal(account, message.Attributes["account"]);
            using var envelope = JsonDocument.Parse(message.Message);
            using var alert = JsonDocument.Parse(envelope.RootElement.GetProperty("sqs").GetString()!);
            Assert.Equal(account, alert.RootElement.GetProperty("account").GetString());
            Assert.Equal(region, alert.RootElement.GetProperty("region").GetString());
        }

        var signals = await ports.Signals.ListAsync(CancellationToken.None);
        Assert.Equal(Accounts * Regions.Length, signals.Count);

        // DynamoDB per event: a heartbeat is one write; an alerting change a claim and a mark; suppressions are
        // read once per cache window, not per event.
        Assert.Equal(Accounts * Regions.Length, ports.Signals.Writes);
        Assert.Equal(2 * Accounts * Regions.Length, ports.ClaimCalls);
        Assert.Equal(1, ports.SuppressionLoads);
        Assert.Equal(1.5, (ports.Signals.Writes + ports.ClaimCalls + ports.SuppressionLoads - 1) / (double)events);
    }

    [Fact]
    public async Task Handle_WhenThreeOfTheOrganizationsSpokesGoQuiet_ShouldAlertExactlyThoseThreeOnce()
    {
        // Arrange
        var ports = new CountingPorts();
        var clock = new AutoAdvancingTimeProvider(TestSettings.Now);
        var handler = new FunctionHandler(TestSettings.Create(), ports, ports, ports, ports.Signals, TimeSpan.FromHours(4), clock, Stream.Null);
        var spokes = Spokes().ToList();
        foreach (var (account, region, _) in spokes)
        {
            await ports.Signals.RecordAsync(account, region, TestSettings.Now.AddHours(-6), CancellationToken.None);
        }

        var silent = spokes.Where(s => s.Index is 7 or 4_000 or 8_499).ToList();
        foreach (var (account, region, _) in spokes.Except(silent))
        {
            await handler.Handle(new MemoryStream(Heartbeat(account, region)));
        }

        // Act
        await handler.Handle(FixtureFiles.Stream("eventbridge-scheduled-coverage-check.json"));
        await handler.Handle(FixtureFiles.Stream("eventbridge-scheduled-coverage-check.json"));

        // Assert
        Assert.Equal(
            silent.Select(s => $"{s.Account} {s.Region}").Order(StringComparer.Ordinal),
            ports.Published.Select(m => m.Subject.Split("from ")[1]).Order(StringComparer.Ordinal));
    }

    private static IEnumerable<(string Account, string Region, int Index)> Spokes()
    {
        for (var a = 0; a < Accounts; a++)
        {
            for (var r = 0; r < Regions.Length; r++)
            {
                yield return ((100_000_000_000L + a).ToString(CultureInfo.InvariantCulture), Regions[r], (a * Regions.Length) + r);
            }
        }
    }

    private static byte[] Heartbeat(string account, string region) => Encoding.UTF8.GetBytes(
        $$$"""{"version":"0","id":"hb-{{{account}}}-{{{region}}}","detail-type":"LambdaGuard Heartbeat","source":"lambdaguard.heartbeat","account":"{{{account}}}","time":"2025-03-01T10:00:00Z","region":"{{{region}}}","resources":[],"detail":{"kind":"heartbeat"}}""");

    private static byte[] Change(string template, string account, string region, int index) => Encoding.UTF8.GetBytes(
        template
            .Replace("123456789012", account, StringComparison.Ordinal)
            .Replace("eu-west-1", region, StringComparison.Ordinal)
            .Replace("a1b2c3d4-0000-4000-8000-000000000001", $"a1b2c3d4-0000-4000-8000-{index:D12}", StringComparison.Ordinal));

    private sealed class CountingPorts : ISuppressionSource, IAlertClaims, IAlertPublisher
    {
        public CountingSignals Signals { get; } = new();

        public List<AlertMessage> Published { get; } = [];

        public int ClaimCalls { get; private set; }

        public int SuppressionLoads { get; private set; }

        public Task<IReadOnlyList<SuppressionEntry>> LoadAsync(CancellationToken cancellationToken)
        {
            SuppressionLoads++;
            return Task.FromResult<IReadOnlyList<SuppressionEntry>>([]);
        }

        public Task<ClaimOutcome> TryClaimAsync(string alertId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
        {
            ClaimCalls++;
            return Task.FromResult(new ClaimOutcome(ClaimStatus.Claimed, "token"));
        }

        public Task MarkPublishedAsync(string alertId, string claimToken, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
        {
            ClaimCalls++;
            return Task.CompletedTask;
        }

        public Task<bool> ReleaseAsync(string alertId, string claimToken, CancellationToken cancellationToken)
        {
            ClaimCalls++;
            return Task.FromResult(true);
        }

        public Task<string> PublishAsync(AlertMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
        {
            Published.Add(message);
            return Task.FromResult($"message-{Published.Count}");
        }
    }

    private sealed class CountingSignals : ISpokeSignals
    {
        private readonly Dictionary<(string, string), SpokeSignal> items = [];

        public int Writes { get; private set; }

        public Task RecordAsync(string account, string region, DateTimeOffset signalAt, CancellationToken cancellationToken)
        {
            Writes++;
            items[(account, region)] = new SpokeSignal(account, region, signalAt);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<SpokeSignal>> ListAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SpokeSignal>>([.. items.Values]);

        public Task<bool> TryMarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset now, CancellationToken cancellationToken)
        {
            var current = items[(signal.Account, signal.Region)];
            if (current.QuietAlertedAt is not null || current.LastSignalAt != signal.LastSignalAt)
            {
                return Task.FromResult(false);
            }

            items[(signal.Account, signal.Region)] = current with { QuietAlertedAt = now };
            return Task.FromResult(true);
        }

        public Task UnmarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset markedAt, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}
