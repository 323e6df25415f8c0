namespace LambdaGuard.Core.Ports;

/// <param name="ClaimToken">Set when <see cref="ClaimStatus.Claimed"/>: proves ownership to MarkPublished.</param>
public sealed record ClaimOutcome(ClaimStatus Status, string? ClaimToken = null, string? MessageId = null, DateTimeOffset? LeaseUntil = null);
