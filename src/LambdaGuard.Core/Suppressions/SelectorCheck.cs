namespace LambdaGuard.Core.Suppressions;

public sealed record SelectorCheck(string Field, string Pattern, string? Value, bool Matched);
