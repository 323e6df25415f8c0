namespace LambdaGuard.Infra.Alerting;

public sealed class TopicEncryptionKeyProps
{
    public string Alias { get; init; } = "alias/lambdaguard-alerts";

    public string Description { get; init; } = "LambdaGuard: encrypts the alert topics";
}
