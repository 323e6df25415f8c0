using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Core.Ports;

/// <summary>The suppression list as the admin tool changes it. Every write is conditional: add never
/// replaces, update and remove apply only to the version that was read, so two admins never overwrite each
/// other unknowingly. Refusals are <see cref="SuppressionStoreException"/>s; nothing is changed by one.</summary>
public interface ISuppressionStore : ISuppressionSource
{
    /// <summary>The table's name, for messages.</summary>
    string Name { get; }

    Task<SuppressionListing> ListAsync(CancellationToken cancellationToken);

    /// <returns>Null when there is no such entry.</returns>
    Task<SuppressionEntry?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Stores a new entry at version 1.</summary>
    /// <exception cref="SuppressionAlreadyExistsException">An entry with this id exists.</exception>
    Task<SuppressionEntry> AddAsync(SuppressionEntry entry, CancellationToken cancellationToken);

    /// <summary>Replaces the entry if it is still at <paramref name="expectedVersion"/>; the stored entry gets
    /// the next version. Fields absent from <paramref name="entry"/> are removed.</summary>
    /// <exception cref="SuppressionVersionConflictException">The entry is at another version.</exception>
    /// <exception cref="SuppressionNotFoundException">There is no such entry.</exception>
    Task<SuppressionEntry> UpdateAsync(SuppressionEntry entry, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Deletes the entry; with <paramref name="expectedVersion"/>, only if it is still at that version.</summary>
    /// <exception cref="SuppressionNotFoundException">There is no such entry.</exception>
    /// <exception cref="SuppressionVersionConflictException">The entry is at another version.</exception>
    Task RemoveAsync(string id, long? expectedVersion, CancellationToken cancellationToken);
}
