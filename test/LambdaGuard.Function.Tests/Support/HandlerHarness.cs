using LambdaGuard.Testing.Fakes;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Function.Tests.Support;

/// <summary>A handler over the in-memory ports with a happy default: no suppressions, every claim granted,
/// every publish accepted. Tests change the part they are about.</summary>
internal sealed class HandlerHarness
{
    public HandlerHarness()
    {
        Handler = new Lazy<FunctionHandler>(() => new FunctionHandler(
            TestSettings.Create(), Suppressions, Claims, Publisher, Clock, Telemetry.Output));
    }

    public InMemorySuppressionSource Suppressions { get; } = new();

    public InMemoryAlertClaims Claims { get; } = new();

    public RecordingAlertPublisher Publisher { get; } = new();

    public IReadOnlyList<Core.Alerts.AlertMessage> Published => Publisher.Messages;

    public AutoAdvancingTimeProvider Clock { get; } = new(TestSettings.Now);

    public TelemetryCapture Telemetry { get; } = new();

    private Lazy<FunctionHandler> Handler { get; }

    public Task<Stream> HandleFixtureAsync(string fixture) => Handler.Value.Handle(FixtureFiles.Stream(fixture));

    public Task<Stream> HandleAsync(byte[] payload) => Handler.Value.Handle(new MemoryStream(payload));
}
