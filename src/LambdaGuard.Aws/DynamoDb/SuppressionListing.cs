using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Every readable entry of the table, and what was wrong with the others.</summary>
public sealed record SuppressionListing(IReadOnlyList<SuppressionEntry> Entries, IReadOnlyList<SuppressionItemProblem> Problems);
