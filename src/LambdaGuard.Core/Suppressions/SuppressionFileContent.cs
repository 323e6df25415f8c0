namespace LambdaGuard.Core.Suppressions;

/// <param name="Entries">Entries that parsed; entries the matcher will ignore are still here (and in
/// <paramref name="Warnings"/>) so an export/import round trip loses nothing.</param>
/// <param name="Warnings">"suppressions[3].expiresAt: ..." style messages.</param>
public sealed record SuppressionFileContent(IReadOnlyList<SuppressionEntry> Entries, IReadOnlyList<string> Warnings);
