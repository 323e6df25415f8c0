using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Pipeline;

public sealed record RecordProcessorOptions
{
    public DetectorSettings Detector { get; init; } = new();

    /// <summary>How long a claim keeps other deliveries off an alert: a little longer than the function timeout.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>The most a suppression-list load may take before the alert goes out marked "suppression check
    /// unavailable" (fail open). Bounded further by what is left of the invocation.</summary>
    public TimeSpan SuppressionBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The most one claims-table call (claim, mark published, release) may take; a claim that does not
    /// answer in time is skipped and the alert published without it (at-least-once).</summary>
    public TimeSpan ClaimBudget { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Kept free before the deadline when publishing, so the publish can still be marked in the claims
    /// table (or the claim released) within the invocation.</summary>
    public TimeSpan MarkPublishedReserve { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long loaded suppression entries are reused; zero reloads for every finding.</summary>
    public TimeSpan SuppressionCacheDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After a failed load, how long to wait before trying the table again (alerts in between go
    /// out marked "suppression check unavailable").</summary>
    public TimeSpan SuppressionRetryAfterFailure { get; init; } = TimeSpan.FromSeconds(5);
}
