namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Attributes of a spoke-signal item in the alert-claims table (docs/organization.md). The key is
/// <c>alertId = "signal#ACCOUNT#REGION"</c>: a prefix no alert id (a hex hash) can have.</summary>
internal static class SpokeSignalAttributes
{
    public const string KeyPrefix = "signal#";
    public const string Key = AlertClaimAttributes.AlertId;
    public const string Kind = "kind";
    public const string KindValue = "spoke-signal";
    public const string Account = "account";
    public const string Region = "region";
    public const string LastSignalAt = "lastSignalAt";
    public const string LastSignalMs = "lastSignalMs";
    public const string QuietAlertedAt = "quietAlertedAt";
    public const string QuietAlertedMs = "quietAlertedMs";

    public static string KeyFor(string account, string region) => $"{KeyPrefix}{account}#{region}";
}
