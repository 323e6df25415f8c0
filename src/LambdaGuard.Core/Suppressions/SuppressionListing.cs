namespace LambdaGuard.Core.Suppressions;

/// <summary>Every entry of a store (invalid ones included: they suppress nothing, and admins must see them)
/// and one line per problem found while reading, naming the entry and the field.</summary>
public sealed record SuppressionListing(IReadOnlyList<SuppressionEntry> Entries, IReadOnlyList<string> Problems);
