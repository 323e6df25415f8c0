namespace LambdaGuard.Core.Ports;

/// <summary>Effectively-once bookkeeping for alerts. A delivery first claims the alert id with a lease;
/// whoever holds the claim publishes, then marks it published. An expired lease can be taken over, so a
/// crashed or timed-out run never swallows an alert; a run whose publish failed releases its own lease, so the
/// next delivery does not have to wait for it.</summary>
public interface IAlertClaims
{
    Task<ClaimOutcome> TryClaimAsync(string alertId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    Task MarkPublishedAsync(string alertId, string claimToken, string messageId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Gives up this delivery's unpublished claim, only if <paramref name="claimToken"/> still holds
    /// it (like an idempotency library deleting its own in-progress record): another holder's claim and a
    /// recorded publish are never touched.</summary>
    /// <returns>True when the claim was ours and is gone; false when someone else holds or published it.</returns>
    Task<bool> ReleaseAsync(string alertId, string claimToken, CancellationToken cancellationToken);
}
