namespace LambdaGuard.Core.Suppressions;

/// <summary>One field of an entry as stored, in a form both the JSON file and a DynamoDB item can give, so
/// one reader (<see cref="SuppressionEntryReader"/>) judges both alike.</summary>
/// <param name="Text">The value when <paramref name="Kind"/> is <see cref="SuppressionStoredValueKind.String"/>.</param>
public readonly record struct SuppressionStoredValue(SuppressionStoredValueKind Kind, string? Text)
{
    public static SuppressionStoredValue Of(string text) => new(SuppressionStoredValueKind.String, text);

    public string Describe() => Kind switch
    {
        SuppressionStoredValueKind.String => "a string",
        SuppressionStoredValueKind.Null => "null",
        SuppressionStoredValueKind.Number => "a number",
        SuppressionStoredValueKind.Boolean => "a boolean",
        SuppressionStoredValueKind.List => "a list",
        SuppressionStoredValueKind.Map => "an object",
        _ => "a value of another type",
    };
}
