using System.Globalization;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.Suppressions;

/// <summary><c>add</c>, <c>update</c> and <c>remove</c>. Every write is conditional (add never replaces;
/// update and remove only apply to the version that was read), so two admins cannot overwrite each other
/// unknowingly; every refusal leaves the table as it was.</summary>
public sealed class SuppressionEditor(SuppressionAdminContext context)
{
    public async Task<int> AddAsync(string id, SuppressionFieldValues values, bool dryRun, IReadOnlyList<string> since, DetectorSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(since);
        var (draft, parseProblems) = SuppressionDraft.Build(id, values, basis: null, context.Now);
        var entry = draft with { CreatedAt = context.Now };
        if (!Accept(entry, values, parseProblems))
        {
            return ExitCodes.UsageOrInputError;
        }

        if (dryRun)
        {
            return ShowDryRun(entry, since, settings);
        }

        if (since.Count > 0)
        {
            context.Error("--since: only used with --dry-run; fix: add --dry-run to preview, or leave --since out to write the entry");
            return ExitCodes.UsageOrInputError;
        }

        var store = await context.StoreAsync(cancellationToken).ConfigureAwait(false);
        entry = entry with { CreatedBy = await context.CallerArnAsync(cancellationToken).ConfigureAwait(false) };
        SuppressionEntry stored;
        try
        {
            stored = await store.AddAsync(entry, cancellationToken).ConfigureAwait(false);
        }
        catch (SuppressionAlreadyExistsException e)
        {
            context.Error($"{e.Message} Nothing was written. To change it: lambdaguard suppressions update {id} ...");
            return ExitCodes.Refused;
        }

        Report("added", store.Name, stored);
        return ExitCodes.Success;
    }

    public async Task<int> UpdateAsync(string id, SuppressionFieldValues values, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.AnyFieldGiven)
        {
            context.Error($"nothing to change; fix: give at least one of --reason, --expires-at, {string.Join(", ", SuppressionSelectors.All.Select(s => s.CliFlag))}");
            return ExitCodes.UsageOrInputError;
        }

        var store = await context.StoreAsync(cancellationToken).ConfigureAwait(false);
        var current = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            context.Error($"suppression '{id}' does not exist in table {store.Name}; nothing was written (use add to create it)");
            return ExitCodes.Refused;
        }

        if (current.Version is not { } readVersion)
        {
            context.Error($"suppression '{id}' has no version attribute (written outside the admin tool), so it cannot be updated safely; remove it and add it again");
            return ExitCodes.Refused;
        }

        // Rewriting the item would drop what could not be read (a misspelled selector), so the update
        // could widen an entry that suppresses nothing today into one that suppresses more than meant.
        if (current.ReadProblems.Count > 0)
        {
            context.Error($"suppression '{id}' is stored with problems ({string.Join("; ", current.ReadProblems)}), so it suppresses nothing and cannot be updated safely; nothing was written. Fix: remove it and add it again with the fields you mean");
            return ExitCodes.Refused;
        }

        if (expectedVersion is { } expected && expected != readVersion)
        {
            ReportConflict(store.Name, expected, proposed: null, current);
            return ExitCodes.Refused;
        }

        var (merged, parseProblems) = SuppressionDraft.Build(id, values, current, context.Now);
        if (!Accept(merged, values, parseProblems))
        {
            return ExitCodes.UsageOrInputError;
        }

        if (SuppressionDraft.SameContent(current, merged))
        {
            context.Out.WriteLine($"Suppression '{id}' already has these values (version {readVersion.ToString(CultureInfo.InvariantCulture)}); nothing was written.");
            return ExitCodes.Success;
        }

        // createdBy/createdAt record the last writer, so the LG011 audit names who made this change.
        var caller = await context.CallerArnAsync(cancellationToken).ConfigureAwait(false);
        var proposed = merged with { CreatedBy = caller, CreatedAt = context.Now };
        SuppressionEntry stored;
        try
        {
            stored = await store.UpdateAsync(proposed, readVersion, cancellationToken).ConfigureAwait(false);
        }
        catch (SuppressionVersionConflictException)
        {
            ReportConflict(store.Name, readVersion, proposed, await store.GetAsync(id, cancellationToken).ConfigureAwait(false));
            return ExitCodes.Refused;
        }
        catch (SuppressionNotFoundException)
        {
            context.Error($"suppression '{id}' was removed by someone else since it was read; nothing was written");
            return ExitCodes.Refused;
        }

        Report("updated", store.Name, stored, SuppressionDraft.ChangedFields(current, stored));
        return ExitCodes.Success;
    }

    public async Task<int> RemoveAsync(string id, long? expectedVersion, CancellationToken cancellationToken)
    {
        var store = await context.StoreAsync(cancellationToken).ConfigureAwait(false);
        var current = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            context.Error($"suppression '{id}' does not exist in table {store.Name}; nothing was removed");
            return ExitCodes.Refused;
        }

        var version = expectedVersion ?? current.Version;
        try
        {
            await store.RemoveAsync(id, version, cancellationToken).ConfigureAwait(false);
        }
        catch (SuppressionVersionConflictException)
        {
            ReportConflict(store.Name, version ?? 0, proposed: null, await store.GetAsync(id, cancellationToken).ConfigureAwait(false));
            return ExitCodes.Refused;
        }
        catch (SuppressionNotFoundException)
        {
            context.Error($"suppression '{id}' was removed by someone else meanwhile");
            return ExitCodes.Refused;
        }

        Report("removed", store.Name, current);
        return ExitCodes.Success;
    }

    private bool Accept(SuppressionEntry entry, SuppressionFieldValues values, IReadOnlyList<SuppressionProblem> parseProblems)
    {
        var problems = SuppressionDraft.Validate(entry, context.Now, values.MaxDays, values.AllowBroad, parseProblems);
        foreach (var problem in problems)
        {
            context.Error(SuppressionDraft.Describe(problem));
        }

        if (problems.Count > 0)
        {
            context.Io.Error.WriteLine($"Nothing was written ({problems.Count} problem(s)).");
            return false;
        }

        foreach (var warning in SuppressionValidator.ValidateForUse(entry).Warnings)
        {
            context.Io.Error.WriteLine($"Warning: {SuppressionDraft.Describe(warning)}");
        }

        if (SuppressionValidator.IsBroad(entry))
        {
            context.Io.Error.WriteLine($"Warning: '{entry.Id}' is broad (--allow-broad): it silences every suppressible finding until {IsoTime.Format(entry.ExpiresAt!.Value)}; the change is alerted as High.");
        }

        return true;
    }

    private int ShowDryRun(SuppressionEntry entry, IReadOnlyList<string> since, DetectorSettings settings)
    {
        if (since.Count > 0)
        {
            if (!context.Json)
            {
                context.Out.WriteLine($"Dry run, nothing written. Entry '{entry.Id}': {SuppressionOutput.Selectors(entry)}");
            }

            return new SuppressionExplainer(context).ShowWouldSilence(entry, since, settings);
        }

        if (context.Json)
        {
            context.Out.WriteLine(IndentedJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("action", "dry-run");
                w.WritePropertyName("entry");
                SuppressionOutput.WriteEntryJson(w, entry, context.Now);
                w.WriteEndObject();
            }));
        }
        else
        {
            context.Out.WriteLine("Dry run, nothing written. The entry is valid and would be stored as:");
            SuppressionOutput.WriteDetails(context.Out, entry, context.Now);
        }

        return ExitCodes.Success;
    }

    private void Report(string action, string table, SuppressionEntry entry, IReadOnlyList<string>? changed = null)
    {
        if (context.Json)
        {
            context.Out.WriteLine(IndentedJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("action", action);
                w.WriteString("table", table);
                if (changed is not null)
                {
                    w.WriteStartArray("changedFields");
                    changed.ToList().ForEach(w.WriteStringValue);
                    w.WriteEndArray();
                }

                w.WritePropertyName("entry");
                SuppressionOutput.WriteEntryJson(w, entry, context.Now);
                w.WriteEndObject();
            }));
            return;
        }

        var version = entry.Version?.ToString(CultureInfo.InvariantCulture) ?? "-";
        var fields = changed is { Count: > 0 } ? $" (changed: {string.Join(", ", changed)})" : string.Empty;
        context.Out.WriteLine($"Suppression '{entry.Id}' {action} in table {table}, version {version}{fields}:");
        SuppressionOutput.WriteDetails(context.Out, entry, context.Now);
        context.Out.WriteLine("The change is audited: LambdaGuard publishes it as LG011 on its alert topic.");
    }

    private void ReportConflict(string table, long readVersion, SuppressionEntry? proposed, SuppressionEntry? current)
    {
        var read = readVersion.ToString(CultureInfo.InvariantCulture);
        if (current is null)
        {
            context.Error($"suppression was removed from table {table} by someone else since version {read} was read; nothing was written");
            return;
        }

        var now = current.Version?.ToString(CultureInfo.InvariantCulture) ?? "(none)";
        context.Error($"suppression '{current.Id}' was changed by someone else: you worked from version {read}, the table now holds version {now}. Nothing was written.");
        var error = context.Io.Error;
        if (proposed is not null)
        {
            error.WriteLine($"Your change (based on version {read}):");
            SuppressionOutput.WriteDetails(error, proposed with { Version = null }, context.Now);
        }

        error.WriteLine($"Now in the table (version {now}, written by {current.CreatedBy ?? "an unnamed writer"}):");
        SuppressionOutput.WriteDetails(error, current, context.Now);
        error.WriteLine($"Fix: look at it again (lambdaguard suppressions show {current.Id}) and reapply your change if it is still needed.");
    }
}
