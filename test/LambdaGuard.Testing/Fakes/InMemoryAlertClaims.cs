using LambdaGuard.Core.Ports;

namespace LambdaGuard.Testing.Fakes;

/// <summary>The claims table's rules in memory: a claim is granted unless the alert is published or another
/// delivery holds a live lease; an expired lease is taken over; only the holder's token marks it published.
/// Every call is recorded. <see cref="ClaimFailure"/>/<see cref="MarkFailure"/> play an unreachable table.</summary>
public sealed class InMemoryAlertClaims : IAlertClaims
{
    private readonly object gate = new();
    private readonly Dictionary<string, Claim> claims = new(StringComparer.Ordinal);
    private readonly List<ClaimAttempt> attempts = [];
    private readonly List<PublishedMark> marks = [];
    private readonly List<(string, string, bool)> releases = [];
    private int tokens;

    public Exception? ClaimFailure { get; set; }

    public Exception? MarkFailure { get; set; }

    public Exception? ReleaseFailure { get; set; }

    /// <summary>Plays a table that accepts the connection and never answers: every call's task never completes
    /// and ignores cancellation (the caller's own budget must end the wait).</summary>
    public bool Unresponsive { get; set; }

    /// <summary>Release calls, answered or not: (alert id, token, whether a claim was removed).</summary>
    public IReadOnlyList<(string AlertId, string ClaimToken, bool Released)> Releases
    {
        get
        {
            lock (gate)
            {
                return [.. releases];
            }
        }
    }

    /// <summary>Whether any claim (held or published) exists for the alert.</summary>
    public bool Holds(string alertId)
    {
        lock (gate)
        {
            return claims.ContainsKey(alertId);
        }
    }

    public IReadOnlyList<ClaimAttempt> Attempts
    {
        get
        {
            lock (gate)
            {
                return [.. attempts];
            }
        }
    }

    public IReadOnlyList<PublishedMark> Marks
    {
        get
        {
            lock (gate)
            {
                return [.. marks];
            }
        }
    }

    /// <summary>As if an earlier delivery had published the alert.</summary>
    public void SeedPublished(string alertId, string messageId)
    {
        lock (gate)
        {
            claims[alertId] = new Claim("seeded", DateTimeOffset.MinValue, messageId);
        }
    }

    /// <summary>As if another delivery held the claim until <paramref name="leaseUntil"/>.</summary>
    public void SeedHeld(string alertId, DateTimeOffset leaseUntil)
    {
        lock (gate)
        {
            claims[alertId] = new Claim("someone-else", leaseUntil, null);
        }
    }

    public Task<ClaimOutcome> TryClaimAsync(string alertId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            attempts.Add(new ClaimAttempt(alertId, now, lease));
            if (Unresponsive)
            {
                return new TaskCompletionSource<ClaimOutcome>().Task;
            }

            if (ClaimFailure is { } failure)
            {
                return Task.FromException<ClaimOutcome>(failure);
            }

            if (claims.TryGetValue(alertId, out var existing))
            {
                if (existing.MessageId is { } messageId)
                {
                    return Task.FromResult(new ClaimOutcome(ClaimStatus.AlreadyPublished, MessageId: messageId));
                }

                if (existing.LeaseUntil > now)
                {
                    return Task.FromResult(new ClaimOutcome(ClaimStatus.InProgress, LeaseUntil: existing.LeaseUntil));
                }
            }

            var token = $"token-{++tokens}";
            claims[alertId] = new Claim(token, now + lease, null);
            return Task.FromResult(new ClaimOutcome(ClaimStatus.Claimed, ClaimToken: token));
        }
    }

    public Task MarkPublishedAsync(string alertId, string claimToken, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            marks.Add(new PublishedMark(alertId, claimToken, messageId, now));
            if (Unresponsive)
            {
                return new TaskCompletionSource().Task;
            }

            if (MarkFailure is { } failure)
            {
                return Task.FromException(failure);
            }

            if (!claims.TryGetValue(alertId, out var claim) || claim.Token != claimToken)
            {
                return Task.FromException(new InvalidOperationException($"claim token {claimToken} does not hold alert {alertId}"));
            }

            claims[alertId] = claim with { MessageId = messageId };
            return Task.CompletedTask;
        }
    }

    public Task<bool> ReleaseAsync(string alertId, string claimToken, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            if (Unresponsive)
            {
                return new TaskCompletionSource<bool>().Task;
            }

            if (ReleaseFailure is { } failure)
            {
                releases.Add((alertId, claimToken, false));
                return Task.FromException<bool>(failure);
            }

            var ours = claims.TryGetValue(alertId, out var claim) && claim.Token == claimToken && claim.MessageId is null;
            if (ours)
            {
                claims.Remove(alertId);
            }

            releases.Add((alertId, claimToken, ours));
            return Task.FromResult(ours);
        }
    }

    private sealed record Claim(string Token, DateTimeOffset LeaseUntil, string? MessageId);
}
