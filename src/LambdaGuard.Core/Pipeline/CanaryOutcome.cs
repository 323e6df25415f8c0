namespace LambdaGuard.Core.Pipeline;

/// <summary>What the heartbeat canary proved: every step that failed is in <see cref="Problems"/>; it passed only
/// when there are none (the suppression table was read, the claim taken and marked, the canary published).</summary>
public sealed record CanaryOutcome(string AlertId, string? MessageId, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0 && MessageId is not null;
}
