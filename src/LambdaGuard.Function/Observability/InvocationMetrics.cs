using System.Text.Json;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Rules;
using M = LambdaGuard.Function.Observability.MetricNames;

namespace LambdaGuard.Function.Observability;

/// <summary>Counts one invocation's records and writes them as CloudWatch Embedded Metric Format: one
/// document with dimension Service, plus one per severity with Findings by Service and Severity.</summary>
internal sealed class InvocationMetrics
{
    private readonly List<double> lags = [];
    private readonly Dictionary<Severity, int> findingsBySeverity = [];

    public int Processed { get; private set; }

    public int Findings { get; private set; }

    public int Published { get; private set; }

    public int Suppressed { get; private set; }

    public int Duplicates { get; private set; }

    public int Malformed { get; private set; }

    public int FailedCalls { get; private set; }

    public int Heartbeat { get; private set; }

    public int CanaryFailed { get; private set; }

    /// <summary>Alerts sent without the suppression check (the table failed or did not answer in its budget).</summary>
    public int SuppressionCheckUnavailable { get; private set; }

    /// <summary>Alerts whose claim could not be taken or marked: delivered at-least-once.</summary>
    public int ClaimsUnavailable { get; private set; }

    public void Add(RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Processed++;
        switch (outcome.Kind)
        {
            case RecordOutcomeKind.Published:
                Published++;
                break;
            case RecordOutcomeKind.Suppressed:
                Suppressed++;
                break;
            case RecordOutcomeKind.Duplicate:
                Duplicates++;
                break;
            case RecordOutcomeKind.Malformed:
                Malformed++;
                break;
        }

        if (outcome.HasFinding)
        {
            Findings++;
            if (outcome.Severity is { } severity)
            {
                findingsBySeverity[severity] = findingsBySeverity.GetValueOrDefault(severity) + 1;
            }
        }

        if (outcome.FailedCall)
        {
            FailedCalls++;
        }

        if (outcome.SuppressionCheck == Core.Alerts.SuppressionCheck.Unavailable)
        {
            SuppressionCheckUnavailable++;
        }

        if (outcome.ClaimsUnavailable)
        {
            ClaimsUnavailable++;
        }

        // EMF takes at most 100 values per metric per document.
        if (outcome.LagSeconds is { } lag && lags.Count < 100)
        {
            lags.Add(Math.Max(0, lag));
        }
    }

    /// <summary>An input that is not a record at all (unparseable payload).</summary>
    public void AddMalformedInput()
    {
        Processed++;
        Malformed++;
    }

    public void AddHeartbeat() => Heartbeat++;

    /// <summary>A canary that failed a step; a claims-table step also counts as ClaimsUnavailable and a
    /// suppression-table step as SuppressionCheckUnavailable, so their alarms see it.</summary>
    public void AddCanaryFailure(bool suppressionsFailed, bool claimsFailed)
    {
        CanaryFailed++;
        SuppressionCheckUnavailable += suppressionsFailed ? 1 : 0;
        ClaimsUnavailable += claimsFailed ? 1 : 0;
    }

    public void WriteTo(TelemetryWriter writer, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var ms = timestamp.ToUnixTimeMilliseconds();
        writer.Write(json =>
        {
            json.WriteStartObject();
            WriteMetadata(json, ms, [M.ServiceDimension], Declared());
            json.WriteString(M.ServiceDimension, M.ServiceValue);
            json.WriteNumber(M.Processed, Processed);
            json.WriteNumber(M.Findings, Findings);
            json.WriteNumber(M.Published, Published);
            json.WriteNumber(M.Suppressed, Suppressed);
            json.WriteNumber(M.Duplicates, Duplicates);
            json.WriteNumber(M.Malformed, Malformed);
            json.WriteNumber(M.FailedCalls, FailedCalls);
            json.WriteNumber(M.SuppressionCheckUnavailable, SuppressionCheckUnavailable);
            json.WriteNumber(M.ClaimsUnavailable, ClaimsUnavailable);
            if (Heartbeat > 0)
            {
                json.WriteNumber(M.Heartbeat, Heartbeat);
            }

            if (CanaryFailed > 0)
            {
                json.WriteNumber(M.CanaryFailed, CanaryFailed);
            }

            if (lags.Count > 0)
            {
                json.WriteStartArray(M.IngestLagSeconds);
                foreach (var lag in lags)
                {
                    json.WriteNumberValue(lag);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        });

        foreach (var (severity, count) in findingsBySeverity.OrderBy(p => p.Key))
        {
            writer.Write(json =>
            {
                json.WriteStartObject();
                WriteMetadata(json, ms, [M.ServiceDimension, M.SeverityDimension], [(M.Findings, "Count")]);
                json.WriteString(M.ServiceDimension, M.ServiceValue);
                json.WriteString(M.SeverityDimension, severity.ToString());
                json.WriteNumber(M.Findings, count);
                json.WriteEndObject();
            });
        }
    }

    private List<(string Name, string Unit)> Declared()
    {
        List<(string, string)> metrics =
        [
            (M.Processed, "Count"),
            (M.Findings, "Count"),
            (M.Published, "Count"),
            (M.Suppressed, "Count"),
            (M.Duplicates, "Count"),
            (M.Malformed, "Count"),
            (M.FailedCalls, "Count"),
            (M.SuppressionCheckUnavailable, "Count"),
            (M.ClaimsUnavailable, "Count"),
        ];
        if (Heartbeat > 0)
        {
            metrics.Add((M.Heartbeat, "Count"));
        }

        if (CanaryFailed > 0)
        {
            metrics.Add((M.CanaryFailed, "Count"));
        }

        if (lags.Count > 0)
        {
            metrics.Add((M.IngestLagSeconds, "Seconds"));
        }

        return metrics;
    }

    private static void WriteMetadata(Utf8JsonWriter json, long timestamp, string[] dimensions, List<(string Name, string Unit)> metrics)
    {
        json.WriteStartObject("_aws");
        json.WriteNumber("Timestamp", timestamp);
        json.WriteStartArray("CloudWatchMetrics");
        json.WriteStartObject();
        json.WriteString("Namespace", M.Namespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        foreach (var dimension in dimensions)
        {
            json.WriteStringValue(dimension);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        foreach (var (name, unit) in metrics)
        {
            json.WriteStartObject();
            json.WriteString("Name", name);
            json.WriteString("Unit", unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
