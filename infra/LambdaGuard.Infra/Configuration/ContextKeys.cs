namespace LambdaGuard.Infra.Configuration;

public static class ContextKeys
{
    public const string Regions = "regions";
    public const string AlertEmail = "alertEmail";
    public const string OperationsEmail = "operationsEmail";
    public const string ReservedConcurrency = "reservedConcurrency";
    public const string SnapStart = "snapStart";
    public const string CreateTrail = "createTrail";
    public const string KmsKey = "kmsKey";
    public const string MemorySize = "memorySize";
    public const string TimeoutSeconds = "timeoutSeconds";
    public const string TrustedAccounts = "trustedAccounts";
    public const string TrustedOrgId = "trustedOrgId";
    public const string HumanRoles = "humanRoles";
    public const string OwnFunction = "ownFunction";
    public const string SecurityHub = "securityHub";
    public const string LogRetentionDays = "logRetentionDays";
    public const string SuppressionCacheSeconds = "suppressionCacheSeconds";
    public const string IngestLagAlarmSeconds = "ingestLagAlarmSeconds";
}
