using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.S3;

namespace LambdaGuard.Infra.Audit;

public sealed class AuditStreamMappingProps
{
    public required ITable SuppressionsTable { get; init; }

    public required IFunction Target { get; init; }

    public required IRole TargetRole { get; init; }

    public required IBucket FailureBucket { get; init; }

    public int BatchSize { get; init; } = 25;

    public int RetryAttempts { get; init; } = 5;

    public int MaxRecordAgeHours { get; init; } = 24;
}
