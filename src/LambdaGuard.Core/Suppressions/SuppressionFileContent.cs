namespace LambdaGuard.Core.Suppressions;

/// <param name="Entries">Entries that parsed; entries the matcher will ignore are still here (and in
/// <paramref name="Warnings"/>) so an export/import round trip loses nothing.</param>
/// <param name="Warnings">"suppressions[3] 'id'.expiresAt: ..." style messages, problems and warnings alike.</param>
public sealed record SuppressionFileContent(IReadOnlyList<SuppressionEntry> Entries, IReadOnlyList<string> Warnings)
{
    /// <summary>The messages about entries that suppress nothing or were left out; an import refuses these,
    /// while the rest of <see cref="Warnings"/> (an unanchored principal) is shown and allowed.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
