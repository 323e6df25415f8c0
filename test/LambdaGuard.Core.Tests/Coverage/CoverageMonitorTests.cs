using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Coverage;
using LambdaGuard.Testing.Fakes;

namespace LambdaGuard.Core.Tests.Coverage;

public sealed class CoverageMonitorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromHours(4);

    private readonly InMemorySpokeSignals signals = new();
    private readonly RecordingAlertPublisher publisher = new();

    private CoverageMonitor Monitor => new(signals, publisher, Window);

    [Fact]
    public async Task CheckAsync_WhenASpokeIsSilentLongerThanTheWindow_ShouldAlertNamingItsAccountAndRegion()
    {
        // Arrange
        await Monitor.RecordHeartbeatAsync("111122223333", "ap-south-1", Now.AddHours(-5), CancellationToken.None);
        await Monitor.RecordHeartbeatAsync("111122223333", "us-east-1", Now.AddMinutes(-20), CancellationToken.None);

        // Act
        var result = await Monitor.CheckAsync(Now, null, CancellationToken.None);

        // Assert
        Assert.Equal(2, result.Known);
        Assert.Equal(1, result.Quiet);
        var message = Assert.Single(publisher.Messages);
        Assert.Equal("LambdaGuard High COVERAGE: no heartbeat from 111122223333 ap-south-1", message.Subject);
        Assert.Equal("111122223333", message.Attributes["account"]);
        Assert.Equal("COVERAGE", message.Attributes["ruleId"]);
        using var envelope = JsonDocument.Parse(message.Message);
        using var alert = JsonDocument.Parse(envelope.RootElement.GetProperty("sqs").GetString()!);
        Assert.Equal("ap-south-1", alert.RootElement.GetProperty("region").GetString());
        Assert.Equal(300, alert.RootElement.GetProperty("coverage").GetProperty("silentMinutes").GetInt64());
        Assert.Contains("5 h", envelope.RootElement.GetProperty("email").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_WhenRunAgainDuringTheSameSilence_ShouldNotAlertTwice()
    {
        // Arrange
        await Monitor.RecordHeartbeatAsync("111122223333", "ap-south-1", Now.AddHours(-5), CancellationToken.None);
        await Monitor.CheckAsync(Now, null, CancellationToken.None);

        // Act
        var again = await Monitor.CheckAsync(Now.AddHours(1), null, CancellationToken.None);

        // Assert
        Assert.Single(publisher.Messages);
        Assert.Empty(again.Alerted);
        Assert.Equal(1, again.Quiet);
    }

    [Fact]
    public async Task CheckAsync_WhenTheSpokeRecoversAndGoesQuietAgain_ShouldAlertTheNewSilenceWithANewAlertId()
    {
        // Arrange
        await Monitor.RecordHeartbeatAsync("111122223333", "ap-south-1", Now.AddHours(-5), CancellationToken.None);
        await Monitor.CheckAsync(Now, null, CancellationToken.None);
        await Monitor.RecordHeartbeatAsync("111122223333", "ap-south-1", Now.AddHours(1), CancellationToken.None);

        // Act
        await Monitor.CheckAsync(Now.AddHours(6), null, CancellationToken.None);

        // Assert
        var published = publisher.Messages;
        Assert.Equal(2, published.Count);
        Assert.NotEqual(published[0].AlertId, published[1].AlertId);
    }

    [Fact]
    public async Task CheckAsync_WhenSilentExactlyTheWindow_ShouldNotAlertYet()
    {
        // Arrange
        await Monitor.RecordHeartbeatAsync("111122223333", "ap-south-1", Now - Window, CancellationToken.None);

        // Act
        var result = await Monitor.CheckAsync(Now, null, CancellationToken.None);

        // Assert
        Assert.Empty(publisher.Messages);
        Assert.Equal(0, result.Quiet);
    }

    [Fact]
    public async Task CheckAsync_WhenPublishingFails_ShouldReportTheFailureAndRetryOnTheNextCheck()
    {
        // Arrange
        await Monitor.RecordHeartbeatAsync("111122223333", "ap-south-1", Now.AddHours(-5), CancellationToken.None);
        publisher.FailNext(new InvalidOperationException("SNS throttled"));

        // Act
        var failed = await Monitor.CheckAsync(Now, null, CancellationToken.None);
        var retried = await Monitor.CheckAsync(Now.AddHours(1), null, CancellationToken.None);

        // Assert
        var (spoke, error) = Assert.Single(failed.Failed);
        Assert.Equal("ap-south-1", spoke.Region);
        Assert.Contains("SNS throttled", error, StringComparison.Ordinal);
        Assert.Equal(2, publisher.Attempts);
        var sent = Assert.Single(publisher.Published);
        Assert.Equal(sent.MessageId, Assert.Single(retried.Alerted).MessageId);
        Assert.Contains("ap-south-1", sent.Message.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordHeartbeatAsync_WhenAccountIsMissing_ShouldRefuseRatherThanRecordAnUnnamedSpoke()
    {
        // Act + Assert
        await Assert.ThrowsAsync<ArgumentException>(() => Monitor.RecordHeartbeatAsync(" ", "us-east-1", Now, CancellationToken.None));
    }

    [Fact]
    public void Build_WhenTheAccountCarriesControlCharacters_ShouldKeepTheSubjectPlainAscii()
    {
        // Arrange
        var signal = new SpokeSignal("1111\n22223333", "us-east-1\u202e", Now.AddHours(-5));

        // Act
        var message = QuietSpokeAlertBuilder.Build(signal, Now, Window);

        // Assert
        Assert.True(message.Subject.Length < 100);
        Assert.All(message.Subject, c => Assert.InRange(c, ' ', '~'));
        Assert.True(AlertEnvelope.SizeOf(message) < AlertEnvelope.MaxEnvelopeBytes);
    }
}
