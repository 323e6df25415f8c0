using Amazon.CDK.AWS.SQS;
using LambdaGuard.Infra.Alerting;

namespace LambdaGuard.Infra.Events;

public sealed class IamTamperRuleProps
{
    // Every LambdaGuard region: each has its own detector role and policies, named after the region.
    public required IReadOnlyList<string> Regions { get; init; }

    public required AlertTopic AlertTopic { get; init; }

    public required Queue DeadLetterQueue { get; init; }

    // True in the us-east-1 watch stack, where no regional tamper rules protect this rule and its topic.
    public bool WatchItself { get; init; }
}
