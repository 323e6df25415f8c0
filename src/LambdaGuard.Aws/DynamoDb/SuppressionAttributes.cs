namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Attribute names of a suppressions-table item (docs/dynamodb-items.md).</summary>
internal static class SuppressionAttributes
{
    public const string PartitionKey = "pk";
    public const string Id = "id";
    public const string Reason = "reason";
    public const string ExpiresAt = "expiresAt";
    public const string Principal = "principal";
    public const string Function = "function";
    public const string Api = "api";
    public const string RuleId = "ruleId";
    public const string Account = "account";
    public const string Region = "region";
    public const string CreatedBy = "createdBy";
    public const string CreatedAt = "createdAt";
    public const string Version = "version";
    public const string TimeToLive = "ttl";

    /// <summary>Every entry shares this partition, so one Query reads the whole list.</summary>
    public const string PartitionValue = "suppression";
}
