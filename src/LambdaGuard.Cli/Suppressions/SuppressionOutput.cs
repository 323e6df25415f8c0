using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Time;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>How entries are shown: a table for people, JSON for scripts. Table cells are plain
/// <see cref="Text"/> escaped with <see cref="SafeText"/>, since entries can be written by anyone with table
/// access and must not be able to fake rows or hide text.</summary>
public static class SuppressionOutput
{
    public static void WriteTable(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var toConsole = output == Console.Out && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = toConsole ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = toConsole ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        if (!toConsole)
        {
            console.Profile.Width = 240;
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(header);
        }

        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(SafeText.Line(cell, 160))).ToArray());
        }

        console.Write(table);
    }

    public static void WriteEntries(TextWriter output, IReadOnlyList<SuppressionEntry> entries, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        WriteTable(
            output,
            ["Id", "Expires", "Selectors", "Reason", "Created by", "Version"],
            entries.Select(e => (IReadOnlyList<string?>)[e.Id, ExpiryCell(e, now), Selectors(e), e.Reason, e.CreatedBy, e.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
    }

    /// <summary>One entry, a field per line.</summary>
    public static void WriteDetails(TextWriter output, SuppressionEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var (name, value) in Fields(entry))
        {
            output.WriteLine($"  {name,-10} {SafeText.Line(value, 1024)}");
        }

        if (ExpiryState(entry, now) is { } state)
        {
            output.WriteLine($"  {"state",-10} {state}");
        }
    }

    public static string Selectors(SuppressionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var parts = SuppressionSelectors.All.Where(s => s.Get(entry) is not null).Select(s => $"{s.Name}={s.Get(entry)}").ToList();
        var text = parts.Count == 0 ? "(none)" : string.Join(" ", parts);
        return SuppressionValidator.IsBroad(entry) ? $"{text} (BROAD)" : text;
    }

    public static void WriteEntryJson(Utf8JsonWriter writer, SuppressionEntry entry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        writer.WriteStartObject();
        foreach (var (name, value) in Fields(entry))
        {
            if (name == "version")
            {
                continue;
            }

            if (value is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }

        if (entry.Version is { } version)
        {
            writer.WriteNumber("version", version);
        }
        else
        {
            writer.WriteNull("version");
        }

        var validation = SuppressionValidator.ValidateForUse(entry);
        writer.WriteBoolean("expired", entry.ExpiresAt is not { } expiresAt || expiresAt <= now);
        writer.WriteBoolean("broad", validation.IsBroad);
        writer.WriteStartArray("problems");
        foreach (var problem in validation.Problems)
        {
            writer.WriteStringValue(problem.ToString());
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string ExpiryCell(SuppressionEntry entry, DateTimeOffset now)
    {
        var time = entry.ExpiresAt is { } e ? IsoTime.Format(e) : "(invalid)";
        return ExpiryState(entry, now) is { } state ? $"{time} ({state})" : time;
    }

    private static string? ExpiryState(SuppressionEntry entry, DateTimeOffset now) =>
        SuppressionValidator.ValidateForUse(entry) is { IsValid: false } invalid
            ? "INVALID, suppresses nothing: " + string.Join("; ", invalid.Problems.Select(p => $"{p.Field} {p.Message}"))
            : entry.ExpiresAt is { } e && e <= now ? "EXPIRED: suppresses nothing" : null;

    private static IEnumerable<(string Name, string? Value)> Fields(SuppressionEntry e)
    {
        yield return ("id", e.Id);
        yield return ("reason", e.Reason);
        yield return ("expiresAt", e.ExpiresAt is { } x ? IsoTime.Format(x) : null);
        foreach (var selector in SuppressionSelectors.All)
        {
            yield return (selector.Name, selector.Get(e));
        }

        yield return ("createdBy", e.CreatedBy);
        yield return ("createdAt", e.CreatedAt is { } c ? IsoTime.Format(c) : null);
        yield return ("version", e.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
