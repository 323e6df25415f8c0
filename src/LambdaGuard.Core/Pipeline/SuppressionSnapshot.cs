using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Core.Pipeline;

/// <summary>The suppression entries to match against, or why there are none (<see cref="Error"/>).</summary>
internal sealed record SuppressionSnapshot(IReadOnlyList<SuppressionEntry>? Entries, string? Error)
{
    public bool Available => Entries is not null;
}
