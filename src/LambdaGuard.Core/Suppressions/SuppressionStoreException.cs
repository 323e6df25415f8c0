namespace LambdaGuard.Core.Suppressions;

/// <summary>Base of the admin-operation outcomes a caller is expected to handle (exists, not found, stale
/// version), so the CLI can report any of them with one catch.</summary>
public abstract class SuppressionStoreException : Exception
{
    protected SuppressionStoreException(string id, string message)
        : base(message)
    {
        Id = id;
    }

    public string Id { get; }
}
