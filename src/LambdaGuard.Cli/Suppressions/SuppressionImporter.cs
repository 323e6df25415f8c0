using System.Globalization;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.Suppressions;

/// <summary><c>import FILE</c> (GitOps): diff, validate every entry to be written, confirm, then apply with
/// the same conditional writes as add/update/remove. Nothing is written while any entry is invalid, and a
/// concurrent change stops the import with a list of what was and was not applied.</summary>
public sealed class SuppressionImporter(SuppressionAdminContext context)
{
    public async Task<int> ImportAsync(string path, bool yes, bool prune, bool allowBroad, int maxDays, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        SuppressionFileContent content;
        try
        {
            content = SuppressionFile.Parse(await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SuppressionFileException)
        {
            context.Error($"{path}: {e.Message}; nothing was written");
            return ExitCodes.UsageOrInputError;
        }

        foreach (var warning in content.Warnings)
        {
            context.Error($"{path}: {warning}");
        }

        if (content.Problems.Count > 0)
        {
            context.Io.Error.WriteLine($"Nothing was written: fix the {content.Problems.Count} problem(s) in {path} first.");
            return ExitCodes.UsageOrInputError;
        }

        var store = await context.StoreAsync(cancellationToken).ConfigureAwait(false);
        var listing = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var problem in listing.Problems)
        {
            context.Io.Error.WriteLine($"warning: {store.Name}: {problem}");
        }

        var plan = ImportPlan.Create(content.Entries, listing.Entries, prune);
        if (!Validate(path, plan, allowBroad, maxDays))
        {
            return ExitCodes.UsageOrInputError;
        }

        // In JSON mode stdout carries one document; the diff still reaches the person who confirms.
        WriteDiff(context.Json ? context.Io.Error : context.Out, path, store.Name, plan);

        var writes = plan.Writes;
        if (writes.Count == 0)
        {
            WriteResult(store.Name, plan, applied: 0, failure: null);
            return ExitCodes.Success;
        }

        if (!yes)
        {
            if (!context.Io.Interactive)
            {
                context.Error("not asking for confirmation on a non-interactive terminal; review the diff and pass --yes to apply it. Nothing was written.");
                return ExitCodes.UsageOrInputError;
            }

            context.Io.Error.Write($"Apply {writes.Count} change(s) to table {store.Name}? [y/N] ");
            var answer = context.Io.Input.ReadLine()?.Trim();
            if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
            {
                context.Io.Error.WriteLine("Not confirmed; nothing was written.");
                return ExitCodes.Refused;
            }
        }

        var caller = await context.CallerArnAsync(cancellationToken).ConfigureAwait(false);
        var applied = 0;
        foreach (var change in writes)
        {
            try
            {
                await ApplyAsync(store, change, caller, cancellationToken).ConfigureAwait(false);
                applied++;
            }
            catch (SuppressionStoreException e)
            {
                var done = writes.Take(applied).Select(c => c.Id).ToList();
                var left = writes.Skip(applied).Select(c => c.Id).ToList();
                context.Error($"stopped at '{change.Id}': {e.Message}");
                context.Io.Error.WriteLine($"Applied: {(done.Count == 0 ? "none" : string.Join(", ", done))}. Not applied: {string.Join(", ", left)}.");
                context.Io.Error.WriteLine("Someone changed the table during the import; run the import again to see the new diff.");
                WriteResult(store.Name, plan, applied, e.Message);
                return ExitCodes.Refused;
            }
        }

        WriteResult(store.Name, plan, applied, failure: null);
        return ExitCodes.Success;
    }

    private async Task ApplyAsync(ISuppressionStore store, ImportChange change, string caller, CancellationToken cancellationToken)
    {
        switch (change.Kind)
        {
            case ImportChangeKind.Add:
                await store.AddAsync(change.After! with { CreatedBy = caller, CreatedAt = context.Now }, cancellationToken).ConfigureAwait(false);
                break;
            case ImportChangeKind.Change:
                await store.UpdateAsync(change.After! with { CreatedBy = caller, CreatedAt = context.Now }, change.Before!.Version!.Value, cancellationToken).ConfigureAwait(false);
                break;
            case ImportChangeKind.Remove:
                await store.RemoveAsync(change.Id, change.Before!.Version, cancellationToken).ConfigureAwait(false);
                break;
            default:
                break;
        }
    }

    private bool Validate(string path, ImportPlan plan, bool allowBroad, int maxDays)
    {
        var count = 0;
        foreach (var change in plan.Changes.Where(c => c.Kind is ImportChangeKind.Add or ImportChangeKind.Change))
        {
            var problems = SuppressionDraft.Validate(change.After!, context.Now, maxDays, allowBroad).ToList();
            if (change.Kind == ImportChangeKind.Change && change.Before!.Version is null)
            {
                problems.Add(new SuppressionProblem("entry", "the table's item has no version attribute (written outside the admin tool)", "remove it from the table first, then import"));
            }

            if (change.Kind == ImportChangeKind.Change && change.Before!.ReadProblems.Count > 0)
            {
                problems.Add(new SuppressionProblem("entry", $"the table's item is stored with problems ({string.Join("; ", change.Before.ReadProblems)})", "remove it from the table first, then import"));
            }

            foreach (var problem in problems)
            {
                context.Error($"{path}: entry '{change.Id}': {problem.Field}: {problem.Message}; fix: {problem.Fix}");
                count++;
            }
        }

        if (count > 0)
        {
            context.Io.Error.WriteLine($"Nothing was written ({count} problem(s)); unchanged entries are not checked.");
        }

        return count == 0;
    }

    private static void WriteDiff(TextWriter output, string path, string table, ImportPlan plan)
    {
        output.WriteLine($"Import {path} into table {table}:");
        foreach (var change in plan.Changes)
        {
            var entry = change.After ?? change.Before!;
            var (mark, word) = change.Kind switch
            {
                ImportChangeKind.Add => ("+", "add"),
                ImportChangeKind.Change => ("~", "change"),
                ImportChangeKind.Remove => ("-", "remove"),
                ImportChangeKind.Unchanged => ("=", "unchanged"),
                _ => ("!", "kept"),
            };
            var note = change.Kind == ImportChangeKind.Kept ? "  (not in the file; --prune would remove it)" : string.Empty;
            output.WriteLine($"  {mark} {word,-9} {Core.Alerts.SafeText.Line(change.Id, 128)}  {Core.Alerts.SafeText.Line(SuppressionOutput.Selectors(entry), 300)}{note}");
            if (change.Kind == ImportChangeKind.Change)
            {
                foreach (var field in change.ChangedFields)
                {
                    output.WriteLine($"      {field}: {Core.Alerts.SafeText.Line(Value(change.Before!, field), 300)} -> {Core.Alerts.SafeText.Line(Value(change.After!, field), 300)}");
                }
            }
        }

        string Count(ImportChangeKind kind) => plan.Changes.Count(c => c.Kind == kind).ToString(CultureInfo.InvariantCulture);
        output.WriteLine($"{Count(ImportChangeKind.Add)} to add, {Count(ImportChangeKind.Change)} to change, {Count(ImportChangeKind.Remove)} to remove, {Count(ImportChangeKind.Unchanged)} unchanged, {Count(ImportChangeKind.Kept)} kept.");
    }

    private void WriteResult(string table, ImportPlan plan, int applied, string? failure)
    {
        if (!context.Json)
        {
            context.Out.WriteLine(plan.Writes.Count == 0
                ? "Nothing to change."
                : $"Applied {applied} of {plan.Writes.Count} change(s).{(failure is null ? " Each is audited as LG011." : string.Empty)}");
            return;
        }

        context.Out.WriteLine(IndentedJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("table", table);
            w.WriteStartArray("changes");
            foreach (var change in plan.Changes)
            {
                w.WriteStartObject();
                w.WriteString("kind", change.Kind.ToString().ToLowerInvariant());
                w.WriteString("id", change.Id);
                w.WriteStartArray("changedFields");
                change.ChangedFields.ToList().ForEach(w.WriteStringValue);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("applied", applied);
            w.WriteString("error", failure);
            w.WriteEndObject();
        }));
    }

    private static string? Value(SuppressionEntry entry, string field) => field switch
    {
        SuppressionEntryReader.Reason => entry.Reason,
        SuppressionEntryReader.ExpiresAt => entry.ExpiresAt is { } e ? IsoTime.Format(e) : null,
        _ => SuppressionSelectors.Find(field)?.Get(entry),
    };
}
