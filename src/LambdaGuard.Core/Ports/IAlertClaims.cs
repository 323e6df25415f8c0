namespace LambdaGuard.Core.Ports;

/// <summary>Effectively-once bookkeeping for alerts. A delivery first claims the alert id with a lease;
/// whoever holds the claim publishes, then marks it published. An expired lease can be taken over, so a
/// crashed or timed-out run never swallows an alert.</summary>
public interface IAlertClaims
{
    Task<ClaimOutcome> TryClaimAsync(string alertId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkPublishedAsync(string alertId, string claimToken, string messageId, DateTimeOffset now, CancellationToken cancellationToken);
}

public enum ClaimStatus
{
    /// <summary>This delivery owns the alert and must publish it.</summary>
    Claimed,

    /// <summary>An earlier delivery published it; <see cref="ClaimOutcome.MessageId"/> is its SNS id.</summary>
    AlreadyPublished,

    /// <summary>Another delivery holds a live lease; retry later (the lease expires if it crashed).</summary>
    InProgress,
}

/// <param name="ClaimToken">Set when <see cref="ClaimStatus.Claimed"/>: proves ownership to MarkPublished.</param>
public sealed record ClaimOutcome(ClaimStatus Status, string? ClaimToken = null, string? MessageId = null, DateTimeOffset? LeaseUntil = null);
