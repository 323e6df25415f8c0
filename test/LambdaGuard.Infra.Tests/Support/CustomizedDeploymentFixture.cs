namespace LambdaGuard.Infra.Tests.Support;

/// <summary>One region with every optional setting switched on or changed from its default.</summary>
public sealed class CustomizedDeploymentFixture
{
    public const string Region = "eu-central-1";
    public const string AlertEmail = "security@example.com";
    public const string OperationsEmail = "oncall@example.com";

    public SynthesizedDeployment Deployment { get; } = new(new Dictionary<string, object>
    {
        ["regions"] = new object[] { Region },
        ["alertEmail"] = AlertEmail,
        ["operationsEmail"] = OperationsEmail,
        ["reservedConcurrency"] = "5",
        ["snapStart"] = "true",
        ["createTrail"] = true,
        ["kmsKey"] = "true",
        ["memorySize"] = 512,
        ["timeoutSeconds"] = "60",
        ["trustedAccounts"] = "111122223333,4444*",
        ["trustedOrgId"] = "o-abcdefghij",
        ["humanRoles"] = new object[] { "arn:aws:iam::*:role/Admin*", "arn:aws:iam::*:role/BreakGlass" },
        ["logRetentionDays"] = "365",
        ["suppressionCacheSeconds"] = 30,
        ["ingestLagAlarmSeconds"] = 600,
        ["ownFunction"] = "LambdaGuard-*",
        ["securityHub"] = "true",
    });
}
