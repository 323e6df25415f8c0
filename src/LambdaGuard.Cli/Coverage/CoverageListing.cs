using System.Globalization;
using System.Text.Json;
using LambdaGuard.Core.Coverage;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.Coverage;

/// <summary>Each account and region with its last signal, quiet ones first; a table for people, JSON for scripts.</summary>
public static class CoverageListing
{
    public const string Schema = "lambdaguard.coverage/v1";

    public static IReadOnlyList<SpokeSignal> Order(IEnumerable<SpokeSignal> signals, DateTimeOffset now, TimeSpan window) =>
    [
        .. signals
            .OrderByDescending(s => s.IsQuietAt(now, window))
            .ThenBy(s => s.Account, StringComparer.Ordinal)
            .ThenBy(s => s.Region, StringComparer.Ordinal),
    ];

    public static void WriteTable(TextWriter output, IReadOnlyList<SpokeSignal> signals, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(signals);
        if (signals.Count == 0)
        {
            output.WriteLine("No account or region has sent a heartbeat yet. Spokes appear within an hour of their forwarding stack's deployment.");
            return;
        }

        var rows = signals.Select(s => new[]
        {
            s.Account,
            s.Region,
            IsoTime.Format(s.LastSignalAt),
            Age(s.SilenceAt(now)),
            Status(s, now, window),
        }).ToList();
        string[] header = ["ACCOUNT", "REGION", "LAST SIGNAL", "AGE", "STATUS"];
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        output.WriteLine(Line(header, widths));
        foreach (var row in rows)
        {
            output.WriteLine(Line(row, widths));
        }

        var quiet = signals.Count(s => s.IsQuietAt(now, window));
        output.WriteLine();
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{signals.Count} account-regions, {signals.Select(s => s.Account).Distinct(StringComparer.Ordinal).Count()} accounts, {quiet} quiet (no signal for more than {window.TotalHours:0.#} h)"));
    }

    public static void WriteJson(TextWriter output, IReadOnlyList<SpokeSignal> signals, DateTimeOffset now, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(signals);
        output.WriteLine(IndentedJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("schema", Schema);
            writer.WriteString("asOf", IsoTime.Format(now));
            writer.WriteNumber("quietWindowMinutes", (long)window.TotalMinutes);
            writer.WriteStartArray("spokes");
            foreach (var s in signals)
            {
                writer.WriteStartObject();
                writer.WriteString("account", s.Account);
                writer.WriteString("region", s.Region);
                writer.WriteString("lastSignalAt", IsoTime.Format(s.LastSignalAt));
                writer.WriteNumber("silentMinutes", (long)s.SilenceAt(now).TotalMinutes);
                writer.WriteString("status", Status(s, now, window));
                if (s.QuietAlertedAt is { } alerted)
                {
                    writer.WriteString("quietAlertedAt", IsoTime.Format(alerted));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }));
    }

    private static string Status(SpokeSignal s, DateTimeOffset now, TimeSpan window) =>
        !s.IsQuietAt(now, window) ? "ok" : s.QuietAlertedAt is null ? "quiet" : "quiet (alerted)";

    private static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "now",
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes}m"),
        { TotalDays: < 2 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h{age.Minutes:00}m"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d"),
    };

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
