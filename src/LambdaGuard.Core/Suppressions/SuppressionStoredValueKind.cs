namespace LambdaGuard.Core.Suppressions;

/// <summary>The type a field had in the file (JSON) or the table item (DynamoDB), before it is read.</summary>
public enum SuppressionStoredValueKind
{
    String,
    Null,
    Number,
    Boolean,
    List,
    Map,
    Other,
}
