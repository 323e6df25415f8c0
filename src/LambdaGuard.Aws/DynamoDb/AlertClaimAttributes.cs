namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Attribute names and status values of an alert-claims-table item (docs/dynamodb-items.md).</summary>
internal static class AlertClaimAttributes
{
    public const string AlertId = "alertId";
    public const string Status = "status";
    public const string ClaimToken = "claimToken";
    public const string LeaseUntil = "leaseUntil";
    public const string MessageId = "messageId";
    public const string ClaimedAt = "claimedAt";
    public const string PublishedAt = "publishedAt";
    public const string TimeToLive = "ttl";

    public const string Pending = "PENDING";
    public const string Published = "PUBLISHED";
}
