namespace LambdaGuard.Infra.Tests.Support;

/// <summary>Two regions, every other setting at its default.</summary>
public sealed class DefaultDeploymentFixture
{
    public const string FirstRegion = "us-east-1";
    public const string SecondRegion = "eu-west-1";

    public SynthesizedDeployment Deployment { get; } = new(new Dictionary<string, object>
    {
        ["regions"] = $"{FirstRegion},{SecondRegion}",
    });
}
