using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;

namespace LambdaGuard.Infra.Audit;

public sealed class AuditFailureBucketProps
{
    // The role the stream mapping writes with (the detector's execution role).
    public required IRole Writer { get; init; }

    public required IQueue AnnouncementQueue { get; init; }

    public required IQueue DeadLetterQueue { get; init; }

    // As long as the failure queues keep messages.
    public int RetentionDays { get; init; } = 14;
}
