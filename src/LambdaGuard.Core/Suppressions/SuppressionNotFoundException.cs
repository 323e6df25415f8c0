namespace LambdaGuard.Core.Suppressions;

public sealed class SuppressionNotFoundException(string id, string storeName)
    : SuppressionStoreException(id, $"Suppression '{id}' does not exist in table {storeName}.");
