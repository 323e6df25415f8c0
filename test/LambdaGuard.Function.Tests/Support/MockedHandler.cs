using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Testing.Time;
using Moq;

namespace LambdaGuard.Function.Tests.Support;

/// <summary>A handler over Moq ports with a happy default: no suppressions, every claim granted, every
/// publish accepted. Tests override the part they are about.</summary>
internal sealed class MockedHandler
{
    public MockedHandler()
    {
        Suppressions.Setup(s => s.LoadAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Array.Empty<SuppressionEntry>());
        Claims.Setup(c => c.TryClaimAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<TimeSpan>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ClaimOutcome(ClaimStatus.Claimed, ClaimToken: "token-1"));
        Publisher.Setup(p => p.PublishAsync(It.IsAny<AlertMessage>(), It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>()))
            .Callback<AlertMessage, DateTimeOffset?, CancellationToken>((message, _, _) => Published.Add(message))
            .ReturnsAsync("message-1");
        Handler = new Lazy<FunctionHandler>(() => new FunctionHandler(
            TestSettings.Create(), Suppressions.Object, Claims.Object, Publisher.Object, Clock, Telemetry.Output));
    }

    public Mock<ISuppressionSource> Suppressions { get; } = new(MockBehavior.Strict);

    public Mock<IAlertClaims> Claims { get; } = new(MockBehavior.Strict);

    public Mock<IAlertPublisher> Publisher { get; } = new(MockBehavior.Strict);

    public List<AlertMessage> Published { get; } = [];

    public AutoAdvancingTimeProvider Clock { get; } = new(TestSettings.Now);

    public TelemetryCapture Telemetry { get; } = new();

    private Lazy<FunctionHandler> Handler { get; }

    public Task<Stream> HandleFixtureAsync(string fixture) => Handler.Value.Handle(FixtureFiles.Stream(fixture));

    public Task<Stream> HandleAsync(byte[] payload) => Handler.Value.Handle(new MemoryStream(payload));

    public void AllowMarkPublished() =>
        Claims.Setup(c => c.MarkPublishedAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
}
