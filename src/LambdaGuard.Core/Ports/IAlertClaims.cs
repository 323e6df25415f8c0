namespace LambdaGuard.Core.Ports;

/// <summary>Effectively-once bookkeeping for alerts. A delivery first claims the alert id with a lease;
/// whoever holds the claim publishes, then marks it published. An expired lease can be taken over, so a
/// crashed or timed-out run never swallows an alert.</summary>
public interface IAlertClaims
{
    Task<ClaimOutcome> TryClaimAsync(string alertId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkPublishedAsync(string alertId, string claimToken, string messageId, DateTimeOffset now, CancellationToken cancellationToken);
}
