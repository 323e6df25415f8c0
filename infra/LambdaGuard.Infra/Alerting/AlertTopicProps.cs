using Amazon.CDK.AWS.KMS;

namespace LambdaGuard.Infra.Alerting;

public sealed class AlertTopicProps
{
    public required string TopicName { get; init; }

    public required string DisplayName { get; init; }

    public IKey? EncryptionKey { get; init; }

    public string? EmailSubscription { get; init; }
}
