namespace LambdaGuard.Core.Suppressions;

public sealed class SuppressionAlreadyExistsException(string id, string storeName)
    : SuppressionStoreException(id, $"Suppression '{id}' already exists in table {storeName}; add never replaces an entry (use update).");
