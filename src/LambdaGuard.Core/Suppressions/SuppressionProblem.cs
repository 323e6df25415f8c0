namespace LambdaGuard.Core.Suppressions;

/// <param name="Field">The entry field at fault (or "entry" for the whole entry).</param>
/// <param name="Fix">What to do about it, in words an admin can act on.</param>
public sealed record SuppressionProblem(string Field, string Message, string Fix)
{
    public override string ToString() => $"{Field}: {Message} ({Fix})";
}
