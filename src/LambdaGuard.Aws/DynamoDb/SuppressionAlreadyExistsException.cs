namespace LambdaGuard.Aws.DynamoDb;

public sealed class SuppressionAlreadyExistsException(string id, string tableName)
    : SuppressionStoreException(id, $"Suppression '{id}' already exists in table {tableName}; add never replaces an entry (use update).");
