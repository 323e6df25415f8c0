using System.Text;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Suppressions;

/// <summary><c>list</c>, <c>show</c> and <c>export</c>: read-only.</summary>
public sealed class SuppressionQueries(SuppressionAdminContext context)
{
    public async Task<int> ListAsync(CancellationToken cancellationToken)
    {
        var (store, listing) = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var entries = listing.Entries.OrderBy(e => e.Id, StringComparer.Ordinal).ToList();
        if (context.Json)
        {
            context.Out.WriteLine(IndentedJson.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("table", store.Name);
                w.WriteStartArray("suppressions");
                foreach (var entry in entries)
                {
                    SuppressionOutput.WriteEntryJson(w, entry, context.Now);
                }

                w.WriteEndArray();
                w.WriteStartArray("problems");
                foreach (var problem in listing.Problems)
                {
                    w.WriteStringValue(problem.ToString());
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }));
            return ExitCodes.Success;
        }

        if (entries.Count == 0)
        {
            context.Out.WriteLine($"No suppression entries in table {store.Name}.");
            return ExitCodes.Success;
        }

        SuppressionOutput.WriteEntries(context.Out, entries, context.Now);
        var expired = entries.Count(e => e.ExpiresAt is not { } x || x <= context.Now);
        context.Out.WriteLine($"{entries.Count} entr{(entries.Count == 1 ? "y" : "ies")} in table {store.Name}; {expired} expired or invalid (they suppress nothing).");
        return ExitCodes.Success;
    }

    public async Task<int> ShowAsync(string id, CancellationToken cancellationToken)
    {
        var store = await context.StoreAsync(cancellationToken).ConfigureAwait(false);
        var entry = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (entry is null)
        {
            context.Error($"suppression '{id}' does not exist in table {store.Name} (see: lambdaguard suppressions list)");
            return ExitCodes.Refused;
        }

        if (context.Json)
        {
            context.Out.WriteLine(IndentedJson.Write(w => SuppressionOutput.WriteEntryJson(w, entry, context.Now)));
        }
        else
        {
            context.Out.WriteLine($"Suppression '{entry.Id}' in table {store.Name}:");
            SuppressionOutput.WriteDetails(context.Out, entry, context.Now);
        }

        return ExitCodes.Success;
    }

    public async Task<int> ExportAsync(string? output, CancellationToken cancellationToken)
    {
        var (store, listing) = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        var text = SuppressionFile.Write(listing.Entries);
        if (output is null)
        {
            await context.Out.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        try
        {
            // Written beside the target, then moved: a failed export never leaves a truncated file in Git.
            var full = Path.GetFullPath(output);
            var temporary = full + ".tmp-" + Guid.NewGuid().ToString("N");
            await File.WriteAllTextAsync(temporary, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            context.Error($"--output: cannot write {output}: {e.Message}");
            return ExitCodes.UsageOrInputError;
        }

        context.Io.Error.WriteLine($"Exported {listing.Entries.Count} entr{(listing.Entries.Count == 1 ? "y" : "ies")} from table {store.Name} to {output}.");
        return ExitCodes.Success;
    }

    private async Task<(ISuppressionStore Store, SuppressionListing Listing)> ReadAllAsync(CancellationToken cancellationToken)
    {
        var store = await context.StoreAsync(cancellationToken).ConfigureAwait(false);
        var listing = await store.ListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var problem in listing.Problems)
        {
            context.Io.Error.WriteLine($"warning: {store.Name}: {problem}");
        }

        return (store, listing);
    }
}
