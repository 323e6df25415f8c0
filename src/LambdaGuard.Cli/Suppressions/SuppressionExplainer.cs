using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.Suppressions;

/// <summary><c>explain</c> and <c>add --dry-run --since</c>: what the detector decides about each record
/// and which entry silences it, field by field, with the matcher the function uses.</summary>
public sealed class SuppressionExplainer(SuppressionAdminContext context)
{
    public async Task<int> ExplainAsync(
        IReadOnlyList<string> paths, DetectorSettings settings, string? suppressionsFile, string? asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var now = context.Now;
        if (asOf is not null && !IsoTime.TryParse(asOf, out now))
        {
            context.Error($"--as-of: '{asOf}' is not a readable time; fix: give {IsoTime.Expected}");
            return ExitCodes.UsageOrInputError;
        }

        IReadOnlyList<SuppressionEntry> entries;
        if (suppressionsFile is not null)
        {
            try
            {
                var content = SuppressionFile.Parse(await File.ReadAllBytesAsync(suppressionsFile, cancellationToken).ConfigureAwait(false));
                foreach (var warning in content.Warnings)
                {
                    context.Io.Error.WriteLine($"{suppressionsFile}: {warning}");
                }

                entries = content.Entries;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SuppressionFileException)
            {
                context.Error($"--suppressions: {suppressionsFile}: {e.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }
        else
        {
            var store = await context.StoreAsync(cancellationToken).ConfigureAwait(false);
            var listing = await store.ListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var problem in listing.Problems)
            {
                context.Io.Error.WriteLine($"{store.Name}: {problem}");
            }

            entries = listing.Entries;
        }

        var detection = new EventLogDetection(new Detector(settings));
        var records = detection.Detect(paths).ToList();
        foreach (var diagnostic in detection.Diagnostics)
        {
            context.Io.Error.WriteLine(diagnostic);
        }

        if (context.Json)
        {
            context.Out.WriteLine(IndentedJson.Write(writer =>
            {
                writer.WriteStartArray();
                foreach (var record in records)
                {
                    WriteJson(writer, record, entries, now);
                }

                writer.WriteEndArray();
            }));
        }
        else
        {
            foreach (var record in records)
            {
                WriteText(context.Out, record, entries, now);
            }

            context.Out.WriteLine($"{records.Count} Lambda record(s) in {detection.Counters.Files} file(s); {records.Count(r => r.Result.Finding is not null)} finding(s); {entries.Count} suppression entr{(entries.Count == 1 ? "y" : "ies")} considered at {IsoTime.Format(now)}.");
        }

        return detection.InputErrors ? ExitCodes.UsageOrInputError : ExitCodes.Success;
    }

    /// <summary>The findings in <paramref name="paths"/> that <paramref name="entry"/> would silence.</summary>
    public int ShowWouldSilence(SuppressionEntry entry, IReadOnlyList<string> paths, DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var detection = new EventLogDetection(new Detector(settings));
        var findings = detection.Detect(paths).Select(r => r.Result.Finding).OfType<Finding>().ToList();
        foreach (var diagnostic in detection.Diagnostics)
        {
            context.Io.Error.WriteLine(diagnostic);
        }

        var silenced = findings.Where(f => SuppressionMatcher.Explain(entry, f, context.Now).Suppresses).ToList();
        if (context.Json)
        {
            context.Out.WriteLine(IndentedJson.Write(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("action", "dry-run");
                writer.WritePropertyName("entry");
                SuppressionOutput.WriteEntryJson(writer, entry, context.Now);
                writer.WriteNumber("findings", findings.Count);
                writer.WriteStartArray("wouldSilence");
                foreach (var finding in silenced)
                {
                    writer.WriteRawValue(FindingJson.FindingLine(finding, entry.Id, settings.MaxParameterBytes));
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }));
        }
        else
        {
            context.Out.WriteLine($"The entry would silence {silenced.Count} of {findings.Count} finding(s) in {detection.Counters.Files} file(s):");
            if (silenced.Count > 0)
            {
                SuppressionOutput.WriteTable(
                    context.Out,
                    ["Rule", "Severity", "Event time", "Actor", "API", "Function", "Source"],
                    silenced.Select(f => (IReadOnlyList<string?>)[f.RuleId, f.Severity.ToString(), f.Record.EventTime, f.Actor.Principal, f.Api, f.Target.FunctionName ?? f.Target.LayerName, f.Location?.ToString()]));
            }
        }

        return detection.InputErrors ? ExitCodes.UsageOrInputError : ExitCodes.Success;
    }

    private static (SuppressionExplanation? Silencer, List<SuppressionExplanation> NearMisses) Judge(Finding finding, IReadOnlyList<SuppressionEntry> entries, DateTimeOffset now)
    {
        var explanations = entries.Select(e => SuppressionMatcher.Explain(e, finding, now)).ToList();
        var silencer = explanations.FirstOrDefault(x => x.Suppresses);

        // Entries that would have applied but for an expiry, or that match some fields: what admins ask about.
        var near = explanations.Where(x => !x.Suppresses && x.Checks.Any(c => c.Matched)).ToList();
        return (silencer, near);
    }

    private static void WriteText(TextWriter output, DetectedRecord record, IReadOnlyList<SuppressionEntry> entries, DateTimeOffset now)
    {
        var result = record.Result;
        output.WriteLine($"{SafeText.Line(record.Location.ToString(), 300)}  {SafeText.Line(result.Api, 100)}  {SafeText.Line(record.Record.EventTime, 40)}  event {SafeText.Line(record.Record.EventId, 100)}");
        if (result.Actor is { } actor)
        {
            output.WriteLine($"  actor     {actor.Class} {SafeText.Line(actor.Principal ?? actor.Arn, 300)} ({SafeText.Line(actor.Type, 40)})");
        }

        if (result.Finding is not { } finding)
        {
            output.WriteLine($"  decision  no finding: {DescribeDecision(result.Decision)}");
            output.WriteLine();
            return;
        }

        output.WriteLine($"  rule      {finding.RuleId} {finding.Severity}: {finding.Rule.Title}");
        var (silencer, near) = Judge(finding, entries, now);
        if (!finding.Rule.Suppressible)
        {
            output.WriteLine($"  silenced  never: {finding.RuleId} cannot be suppressed");
        }
        else if (silencer is not null)
        {
            output.WriteLine($"  silenced  by '{SafeText.Line(silencer.Entry.Id, 128)}': {Describe(silencer)}");
        }
        else
        {
            output.WriteLine("  silenced  no: no entry matches");
        }

        if (finding.Rule.Suppressible)
        {
            foreach (var miss in near)
            {
                output.WriteLine($"  not by    '{SafeText.Line(miss.Entry.Id, 128)}': {Describe(miss)}");
            }
        }

        output.WriteLine();
    }

    private static void WriteJson(Utf8JsonWriter writer, DetectedRecord record, IReadOnlyList<SuppressionEntry> entries, DateTimeOffset now)
    {
        var result = record.Result;
        writer.WriteStartObject();
        writer.WriteStartObject("source");
        writer.WriteString("path", record.Location.Path);
        writer.WriteNumber("index", record.Location.Index);
        writer.WriteEndObject();
        writer.WriteString("eventId", record.Record.EventId);
        writer.WriteString("eventTime", record.Record.EventTime);
        writer.WriteString("api", result.Api);
        writer.WriteString("decision", result.Decision.ToString());
        if (result.Actor is { } actor)
        {
            writer.WriteStartObject("actor");
            writer.WriteString("class", actor.Class.ToString());
            writer.WriteString("type", actor.Type);
            writer.WriteString("principal", actor.Principal);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("actor");
        }

        if (result.Finding is { } finding)
        {
            var (silencer, near) = Judge(finding, entries, now);
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("severity", finding.Severity.ToString());
            writer.WriteBoolean("suppressible", finding.Rule.Suppressible);
            writer.WriteString("suppressedBy", silencer?.Entry.Id);
            writer.WriteStartArray("entries");
            foreach (var explanation in silencer is null ? near : near.Prepend(silencer))
            {
                writer.WriteStartObject();
                writer.WriteString("id", explanation.Entry.Id);
                writer.WriteBoolean("suppresses", explanation.Suppresses);
                writer.WriteString("blocker", explanation.Blocker);
                writer.WriteStartArray("checks");
                foreach (var check in explanation.Checks)
                {
                    writer.WriteStartObject();
                    writer.WriteString("field", check.Field);
                    writer.WriteString("pattern", check.Pattern);
                    writer.WriteString("value", check.Value);
                    writer.WriteBoolean("matched", check.Matched);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
        else
        {
            writer.WriteNull("ruleId");
            writer.WriteNull("suppressedBy");
        }

        writer.WriteEndObject();
    }

    private static string Describe(SuppressionExplanation explanation)
    {
        var checks = explanation.Checks.Select(c => c.Matched
            ? $"{c.Field} matches {SafeText.Line(c.Pattern, 200)}"
            : $"{c.Field} {SafeText.Line(c.Value ?? "(absent)", 200)} does not match {SafeText.Line(c.Pattern, 200)}");
        var text = string.Join("; ", checks);
        return explanation.Blocker is { } blocker ? $"{text}; but {blocker}" : text;
    }

    private static string DescribeDecision(DetectionDecision decision) => decision switch
    {
        DetectionDecision.ReadOnly => "read-only call",
        DetectionDecision.DataEvent => "data event (Invoke), never alerted",
        DetectionDecision.FailedCall => "the call failed (errorCode set); counted, not alerted",
        DetectionDecision.ActorNotAlerted => "actor is automation or an AWS service; logged, not alerted",
        DetectionDecision.NotLambda => "not a Lambda record",
        _ => decision.ToString(),
    };
}
