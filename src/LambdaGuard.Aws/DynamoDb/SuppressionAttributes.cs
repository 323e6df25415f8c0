namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Attribute names of a suppressions-table item (docs/dynamodb-items.md).</summary>
internal static class SuppressionAttributes
{
    public const string PartitionKey = "pk";
    public const string Id = "id";
    public const string Reason = "reason";
    public const string ExpiresAt = "expiresAt";

    // The selector attributes are named by Core's SuppressionSelectors table.
    public const string CreatedBy = "createdBy";
    public const string CreatedAt = "createdAt";
    public const string Version = "version";
    public const string TimeToLive = "ttl";

    /// <summary>Every entry shares this partition, so one Query reads the whole list.</summary>
    public const string PartitionValue = "suppression";
}
