using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>The diff between a suppression file and the table, by id.</summary>
public sealed record ImportPlan(IReadOnlyList<ImportChange> Changes)
{
    public IReadOnlyList<ImportChange> Writes => Changes.Where(c => c.Writes).ToList();

    public static ImportPlan Create(IReadOnlyList<SuppressionEntry> file, IReadOnlyList<SuppressionEntry> table, bool prune)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(table);
        var stored = table.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var wanted = file.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var changes = new List<ImportChange>();
        foreach (var entry in file)
        {
            if (!stored.TryGetValue(entry.Id, out var current))
            {
                changes.Add(new ImportChange(ImportChangeKind.Add, entry.Id, null, entry, []));
            }
            else if (SuppressionDraft.SameContent(current, entry))
            {
                changes.Add(new ImportChange(ImportChangeKind.Unchanged, entry.Id, current, entry, []));
            }
            else
            {
                changes.Add(new ImportChange(ImportChangeKind.Change, entry.Id, current, entry, SuppressionDraft.ChangedFields(current, entry)));
            }
        }

        foreach (var entry in table.Where(e => !wanted.Contains(e.Id)))
        {
            changes.Add(new ImportChange(prune ? ImportChangeKind.Remove : ImportChangeKind.Kept, entry.Id, entry, null, []));
        }

        return new ImportPlan(changes.OrderBy(c => c.Id, StringComparer.Ordinal).ToList());
    }
}
