using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Pipeline;

public sealed record RecordProcessorOptions
{
    public DetectorSettings Detector { get; init; } = new();

    /// <summary>How long a claim keeps other deliveries off an alert: a little longer than the function timeout.</summary>
    public TimeSpan ClaimLease { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>How long loaded suppression entries are reused; zero reloads for every finding.</summary>
    public TimeSpan SuppressionCacheDuration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>After a failed load, how long to wait before trying the table again (alerts in between go
    /// out marked "suppression check unavailable").</summary>
    public TimeSpan SuppressionRetryAfterFailure { get; init; } = TimeSpan.FromSeconds(5);
}
