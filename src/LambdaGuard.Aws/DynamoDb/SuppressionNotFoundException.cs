namespace LambdaGuard.Aws.DynamoDb;

public sealed class SuppressionNotFoundException(string id, string tableName)
    : SuppressionStoreException(id, $"Suppression '{id}' does not exist in table {tableName}.");
