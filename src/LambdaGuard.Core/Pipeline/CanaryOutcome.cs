namespace LambdaGuard.Core.Pipeline;

/// <summary>What the heartbeat canary proved: every step that failed is in <see cref="Problems"/>; it passed only
/// when there are none (the suppression table was read, the claim taken and marked, the canary published).</summary>
public sealed record CanaryOutcome(string AlertId, string? MessageId, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0 && MessageId is not null;

    /// <summary>The suppression table could not be read (the SuppressionCheckUnavailable metric).</summary>
    public bool SuppressionsFailed { get; init; }

    /// <summary>Claiming or marking the canary's id failed (the ClaimsUnavailable metric).</summary>
    public bool ClaimsFailed { get; init; }
}
