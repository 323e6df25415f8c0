namespace LambdaGuard.Infra.Organization;

public sealed class SpokeForwardingProps
{
    // arn:aws:events:HOME:ACCOUNT:event-bus/NAME; may be a token (a template parameter). Null in the home region
    // of a single account, whose default bus is the hub itself: only the heartbeat is needed there.
    public string? CentralBusArn { get; init; }

    public int HeartbeatMinutes { get; init; } = 60;
}
