namespace LambdaGuard.Core.Suppressions;

/// <param name="IsBroad">Every selector is <c>*</c>: the entry silences every suppressible finding.</param>
public sealed record SuppressionValidation(IReadOnlyList<SuppressionProblem> Problems, bool IsBroad)
{
    public bool IsValid => Problems.Count == 0;
}
