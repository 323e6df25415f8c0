using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Testing.Fakes;

/// <summary>The suppression store port in memory, with the table's conditional-write rules (add never
/// replaces; update and remove only at the version read) and the table's listing of invalid entries.</summary>
public sealed class InMemorySuppressionStore(string name = "Suppressions-test") : ISuppressionStore
{
    private readonly Dictionary<string, SuppressionEntry> entries = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Name { get; } = name;

    /// <summary>Calls that reached the store, so a test can prove a refused command wrote nothing.</summary>
    public int Writes { get; private set; }

    public IReadOnlyList<SuppressionEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return entries.Values.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Stores entries as they are (no validation), at version 1 unless they carry one.</summary>
    public InMemorySuppressionStore With(params SuppressionEntry[] seeded)
    {
        lock (gate)
        {
            foreach (var entry in seeded)
            {
                entries[entry.Id] = entry with { Version = entry.Version ?? 1 };
            }
        }

        return this;
    }

    public Task<IReadOnlyList<SuppressionEntry>> LoadAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Entries);

    public Task<SuppressionListing> ListAsync(CancellationToken cancellationToken)
    {
        var all = Entries;
        var problems = all
            .SelectMany(e => SuppressionValidator.ValidateForUse(e).Problems.Select(p => $"suppression '{e.Id}': {p} (the entry suppresses nothing)"))
            .ToList();
        return Task.FromResult(new SuppressionListing(all, problems));
    }

    public Task<SuppressionEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            return Task.FromResult(entries.GetValueOrDefault(id));
        }
    }

    public Task<SuppressionEntry> AddAsync(SuppressionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            Writes++;
            if (entries.ContainsKey(entry.Id))
            {
                throw new SuppressionAlreadyExistsException(entry.Id, Name);
            }

            var stored = entry with { Version = 1 };
            entries[entry.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task<SuppressionEntry> UpdateAsync(SuppressionEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (gate)
        {
            Writes++;
            var current = entries.GetValueOrDefault(entry.Id) ?? throw new SuppressionNotFoundException(entry.Id, Name);
            if (current.Version != expectedVersion)
            {
                throw new SuppressionVersionConflictException(entry.Id, Name, expectedVersion, current.Version);
            }

            var stored = entry with { Version = expectedVersion + 1 };
            entries[entry.Id] = stored;
            return Task.FromResult(stored);
        }
    }

    public Task RemoveAsync(string id, long? expectedVersion, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            Writes++;
            var current = entries.GetValueOrDefault(id) ?? throw new SuppressionNotFoundException(id, Name);
            if (expectedVersion is { } expected && current.Version != expected)
            {
                throw new SuppressionVersionConflictException(id, Name, expected, current.Version);
            }

            entries.Remove(id);
            return Task.CompletedTask;
        }
    }
}
