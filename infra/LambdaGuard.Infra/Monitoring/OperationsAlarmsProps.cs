using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;

namespace LambdaGuard.Infra.Monitoring;

public sealed class OperationsAlarmsProps
{
    public required IFunction Detector { get; init; }

    public required ITopic OperationsTopic { get; init; }

    public required IReadOnlyDictionary<string, IQueue> FailureQueues { get; init; }

    public required IReadOnlyList<string> RuleNames { get; init; }

    public int IngestLagAlarmSeconds { get; init; }

    public int HeartbeatMissingHours { get; init; } = 25;

    public int AuditIteratorAgeAlarmSeconds { get; init; } = 900;
}
