using System.Text.Json;

namespace LambdaGuard.Core.Pipeline;

/// <summary>The spellings of a <see cref="RecordOutcome"/>. Replay's output is a public interface
/// (docs/interfaces.md, "Record outcome"): its table labels and JSON values are those replay printed from the
/// start, and the function's log line writes the same JSON values, so a log query written against one works on
/// the other. Only additions are allowed here.</summary>
public static class RecordOutcomeJson
{
    /// <summary>The label of replay's <c>--format table</c> lines.</summary>
    public static string Name(RecordOutcomeKind kind) => kind switch
    {
        RecordOutcomeKind.NoFinding => "no finding",
        RecordOutcomeKind.InProgress => "in progress",
        RecordOutcomeKind.PublishFailed => "FAILED",
        _ => JsonName(kind),
    };

    /// <summary>The <c>outcome</c> value of replay's <c>--format jsonl</c> lines and of the function's log.</summary>
    public static string JsonName(RecordOutcomeKind kind) => kind switch
    {
        RecordOutcomeKind.NoFinding => "no-finding",
        RecordOutcomeKind.Suppressed => "suppressed",
        RecordOutcomeKind.Published => "published",
        RecordOutcomeKind.Duplicate => "duplicate",
        RecordOutcomeKind.Malformed => "malformed",
        RecordOutcomeKind.InProgress => "in-progress",
        RecordOutcomeKind.PublishFailed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown outcome"),
    };

    /// <summary>Writes the outcome's properties into the object the caller has opened, after the caller's
    /// own (where the record came from, log level); absent values are left out, <c>warnings</c> is always
    /// an array.</summary>
    public static void WriteProperties(Utf8JsonWriter json, RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(outcome);
        json.WriteString("outcome", JsonName(outcome.Kind));
        Optional(json, "decision", outcome.Decision?.ToString());
        Optional(json, "eventId", outcome.EventId);
        Optional(json, "api", outcome.Api);
        Optional(json, "ruleId", outcome.RuleId);
        Optional(json, "severity", outcome.Severity?.ToString());
        Optional(json, "actorClass", outcome.ActorClass?.ToString());
        Optional(json, "functionName", outcome.FunctionName);
        Optional(json, "suppressionId", outcome.SuppressionId);
        Optional(json, "suppressionCheck", outcome.SuppressionCheck?.ToString());
        if (outcome.LagSeconds is { } lag)
        {
            json.WriteNumber("lagSeconds", lag);
        }

        Optional(json, "alertId", outcome.AlertId);
        if (outcome.ClaimsUnavailable)
        {
            json.WriteBoolean("claimsUnavailable", true);
        }

        Optional(json, "messageId", outcome.MessageId);
        Optional(json, "error", outcome.Error);
        json.WriteStartArray("warnings");
        foreach (var warning in outcome.Warnings)
        {
            json.WriteStringValue(warning);
        }

        json.WriteEndArray();
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
