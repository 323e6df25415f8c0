using LambdaGuard.Core.Ports;

namespace LambdaGuard.Cli.Replay;

/// <summary>What replay talks to: the deployed tables and topic (or emulators), or in-memory fakes in tests.</summary>
public sealed record ReplayPorts(ISuppressionSource Suppressions, IAlertClaims Claims, IAlertPublisher Publisher);
