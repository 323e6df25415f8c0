namespace LambdaGuard.Infra.Queues;

public sealed class FailureQueuesProps
{
    public int RetentionDays { get; init; } = 14;
}
