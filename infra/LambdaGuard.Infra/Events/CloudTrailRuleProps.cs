using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;

namespace LambdaGuard.Infra.Events;

public sealed class CloudTrailRuleProps
{
    public required IFunction Target { get; init; }

    public required IQueue DeadLetterQueue { get; init; }
}
