namespace LambdaGuard.Core.Suppressions;

/// <summary>Someone changed the entry since it was read: the write was refused, nothing was changed.</summary>
public sealed class SuppressionVersionConflictException(string id, string storeName, long expectedVersion, long? actualVersion)
    : SuppressionStoreException(
        id,
        $"Suppression '{id}' in table {storeName} is at version {actualVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"}, "
        + $"not {expectedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)}: it was changed since it was read. Read it again and retry.")
{
    public long ExpectedVersion { get; } = expectedVersion;

    public long? ActualVersion { get; } = actualVersion;
}
