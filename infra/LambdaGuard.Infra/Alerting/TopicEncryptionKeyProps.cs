namespace LambdaGuard.Infra.Alerting;

public sealed class TopicEncryptionKeyProps
{
    public string Alias { get; init; } = "alias/lambdaguard-topics";
}
