using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SQS;
using LambdaGuard.Infra.Alerting;

namespace LambdaGuard.Infra.Events;

public sealed class TamperRulesProps
{
    public required AlertTopic AlertTopic { get; init; }

    public required IReadOnlyList<ITopic> ProtectedTopics { get; init; }

    public required IReadOnlyList<string> ProtectedTableNames { get; init; }

    public required IReadOnlyList<string> ProtectedTableArns { get; init; }

    // The detector-facing rules; the tamper rules protect themselves as well.
    public required IReadOnlyList<string> ProtectedRuleNames { get; init; }

    public required string DetectorFunctionName { get; init; }

    public required string AuditMappingId { get; init; }

    public required Queue DeadLetterQueue { get; init; }

    // Key ids of the customer keys protecting LambdaGuard's topics (none without kmsKey).
    public IReadOnlyList<string> ProtectedKeyIds { get; init; } = [];
}
