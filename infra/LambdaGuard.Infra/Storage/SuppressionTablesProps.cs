namespace LambdaGuard.Infra.Storage;

public sealed class SuppressionTablesProps
{
    public string SuppressionsTableName { get; init; } = ResourceNames.SuppressionsTable;

    public string ClaimsTableName { get; init; } = ResourceNames.ClaimsTable;
}
