using LambdaGuard.Core.Ports;

namespace LambdaGuard.Function.Composition;

internal sealed record FunctionPorts(ISuppressionSource Suppressions, IAlertClaims Claims, IAlertPublisher Publisher, ISpokeSignals? Signals = null);
