using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Aws.DynamoDb;

/// <param name="Entry">Null when the item could not be converted; <paramref name="Problems"/> says why.</param>
public sealed record SuppressionItemReadResult(SuppressionEntry? Entry, IReadOnlyList<SuppressionItemProblem> Problems);
