namespace LambdaGuard.Core.Coverage;

/// <param name="Known">Spokes that ever sent a signal.</param>
/// <param name="Quiet">Spokes silent longer than the window (alerted now or before).</param>
/// <param name="Alerted">Alerts published by this check, as (spoke, SNS message id).</param>
/// <param name="Failed">Alerts this check could not publish; the next check retries them.</param>
public sealed record CoverageCheckResult(
    int Known,
    int Quiet,
    IReadOnlyList<(SpokeSignal Spoke, string MessageId)> Alerted,
    IReadOnlyList<(SpokeSignal Spoke, string Error)> Failed);
