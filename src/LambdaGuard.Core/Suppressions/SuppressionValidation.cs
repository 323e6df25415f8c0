namespace LambdaGuard.Core.Suppressions;

/// <param name="Problems">Any problem means the entry suppresses nothing (or, when writing, is refused).</param>
/// <param name="IsBroad">Every selector is universal (<c>*</c>, <c>*?</c>, ...): the entry silences every
/// suppressible finding that is not Critical.</param>
/// <param name="Warnings">Risky but allowed, e.g. an unanchored principal glob.</param>
public sealed record SuppressionValidation(IReadOnlyList<SuppressionProblem> Problems, bool IsBroad, IReadOnlyList<SuppressionProblem> Warnings)
{
    public bool IsValid => Problems.Count == 0;
}
