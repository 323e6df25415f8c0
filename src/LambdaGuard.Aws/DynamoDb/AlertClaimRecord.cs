namespace LambdaGuard.Aws.DynamoDb;

/// <summary>An alert-claims item as stored. <paramref name="Status"/> is PENDING or PUBLISHED.</summary>
public sealed record AlertClaimRecord(
    string AlertId,
    string Status,
    string? ClaimToken,
    DateTimeOffset? LeaseUntil,
    string? MessageId,
    DateTimeOffset? ClaimedAt,
    DateTimeOffset? PublishedAt,
    DateTimeOffset? ExpiresAt);
