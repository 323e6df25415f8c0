namespace LambdaGuard.Core.Suppressions;

/// <param name="Entry">Null only when the stored form has no usable id; otherwise the entry, which suppresses
/// nothing while <paramref name="Problems"/> is not empty.</param>
/// <param name="Problems">Why the entry is ignored (<see cref="SuppressionValidator.ValidateForUse"/>).</param>
/// <param name="Warnings">What is risky but allowed, e.g. an unanchored principal.</param>
public sealed record SuppressionReadResult(SuppressionEntry? Entry, IReadOnlyList<SuppressionProblem> Problems, IReadOnlyList<SuppressionProblem> Warnings);
