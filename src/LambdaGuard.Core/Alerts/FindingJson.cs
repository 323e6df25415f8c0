using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;

namespace LambdaGuard.Core.Alerts;

/// <summary>Writes findings as <c>lambdaguard.finding/v1</c> (scan --format jsonl) and alerts as
/// <c>lambdaguard.alert/v1</c> (docs/interfaces.md). Hand-written with Utf8JsonWriter: the field order is part of
/// the contract people read, and no reflection keeps the function lean.</summary>
public static class FindingJson
{
    public const string FindingSchema = "lambdaguard.finding/v1";
    public const string AlertSchema = "lambdaguard.alert/v1";

    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = false };

    /// <summary>One scan output line (no trailing newline).</summary>
    public static string FindingLine(Finding finding, string? suppressionId, int parameterBudget)
    {
        ArgumentNullException.ThrowIfNull(finding);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", FindingSchema);
            WriteFacts(writer, finding);
            WriteParameters(writer, finding, parameterBudget);
            writer.WriteBoolean("suppressed", suppressionId is not null);
            if (suppressionId is not null)
            {
                writer.WriteString("suppressionId", suppressionId);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The alert document sent to machine subscribers (SQS, Lambda, Firehose, email-json).</summary>
    public static string Alert(Finding finding, string alertId, DateTimeOffset detectedAt, SuppressionCheck check, string? checkError, int parameterBudget, string? suppressionCommand = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var links = AlertLinks.For(finding);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", AlertSchema);
            writer.WriteString("alertId", alertId);
            WriteFacts(writer, finding);
            writer.WriteBoolean("suppressed", false);
            writer.WriteString("suppressionCheck", CheckName(check));
            if (checkError is not null)
            {
                writer.WriteString("suppressionCheckError", Bound(checkError));
            }

            WriteRuleDetails(writer, finding.Rule);
            writer.WriteStartObject("links");
            WriteOptional(writer, "cloudTrailEvent", links.CloudTrailEvent);
            WriteOptional(writer, "functionConsole", links.FunctionConsole);
            WriteOptional(writer, "functionUrl", links.FunctionUrl);
            writer.WriteEndObject();
            WriteOptional(writer, "codeSha256", links.CodeSha256);
            WriteOptional(writer, "suppressionCommand", suppressionCommand);
            writer.WriteString("detectedAt", SuppressionsTime(detectedAt));
            WriteParameters(writer, finding, parameterBudget);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The rule's <c>mitre</c> array, one spelling for alerts and <c>lambdaguard rules</c>.</summary>
    public static void WriteMitre(Utf8JsonWriter writer, RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rule);
        writer.WriteStartArray("mitre");
        foreach (var mapping in rule.Mitre)
        {
            writer.WriteStartObject();
            writer.WriteString("tacticId", mapping.TacticId);
            writer.WriteString("tactic", mapping.TacticName);
            writer.WriteString("techniqueId", mapping.TechniqueId);
            writer.WriteString("technique", mapping.TechniqueName);
            writer.WriteString("url", mapping.TechniqueUrl);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static string CheckName(SuppressionCheck check) => check switch
    {
        SuppressionCheck.Checked => "checked",
        SuppressionCheck.Unavailable => "unavailable",
        _ => "notApplicable",
    };

    internal static void WriteRuleDetails(Utf8JsonWriter writer, RuleDefinition rule)
    {
        WriteMitre(writer, rule);
        writer.WriteString("description", rule.Description);
        writer.WriteStartArray("runbook");
        foreach (var step in rule.Runbook)
        {
            writer.WriteStringValue(step);
        }

        writer.WriteEndArray();
    }

    internal static string Bound(string value) => SafeText.WellFormed(TextBounds.Cut(value, SafeText.MaxFactChars));

    internal static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, Bound(value));
        }
    }

    /// <summary>Fields added after v1 was published appear only when set, so earlier documents are unchanged.</summary>
    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, Bound(value));
        }
    }

    private static string SuppressionsTime(DateTimeOffset time) => Time.IsoTime.Format(time);

    private static void WriteFacts(Utf8JsonWriter writer, Finding finding)
    {
        var record = finding.Record;
        var actor = finding.Actor;
        var target = finding.Target;
        writer.WriteString("ruleId", finding.RuleId);
        writer.WriteString("title", finding.Rule.Title);
        writer.WriteString("severity", finding.Severity.ToString());
        writer.WriteString("summary", SafeText.WellFormed(finding.Summary));
        WriteOptional(writer, "eventId", record.EventId);
        WriteOptional(writer, "eventName", record.EventName);
        writer.WriteString("api", Bound(finding.Api));
        WriteOptional(writer, "eventTime", record.EventTime);
        WriteOptional(writer, "account", record.RecipientAccountId);
        WriteOptional(writer, "region", record.AwsRegion);
        WriteOptional(writer, "functionName", target.FunctionName);

        writer.WriteStartObject("actor");
        writer.WriteString("class", actor.Class.ToString());
        writer.WriteString("type", Bound(actor.Type));
        WriteOptional(writer, "principal", actor.Principal);
        WriteOptional(writer, "arn", actor.Arn);
        WriteOptional(writer, "accountId", actor.AccountId);
        writer.WriteBoolean("crossAccount", actor.CrossAccount);
        writer.WriteBoolean("console", actor.Console);
        writer.WriteBoolean("mfa", actor.Mfa);
        WriteOptional(writer, "invokedBy", actor.InvokedBy);
        WriteOptional(writer, "sessionName", actor.SessionName);
        WriteIfSet(writer, "sourceIdentity", actor.SourceIdentity);
        writer.WriteEndObject();

        writer.WriteStartObject("target");
        WriteOptional(writer, "functionName", target.FunctionName);
        WriteOptional(writer, "functionArn", target.FunctionArn);
        WriteOptional(writer, "qualifier", target.Qualifier);
        writer.WriteStartArray("layers");
        foreach (var layer in target.Layers.Take(20))
        {
            writer.WriteStringValue(Bound(layer));
        }

        writer.WriteEndArray();
        WriteOptional(writer, "layerName", target.LayerName);
        WriteOptional(writer, "principalGranted", target.GrantedPrincipal);
        WriteOptional(writer, "sourceArn", target.SourceArn);
        WriteOptional(writer, "sourceAccount", target.SourceAccount);
        WriteOptional(writer, "principalOrgId", target.PrincipalOrgId ?? target.OrganizationId);
        WriteOptional(writer, "urlAuthType", target.UrlAuthType);
        WriteOptional(writer, "role", target.Role);
        WriteIfSet(writer, "imageUri", target.ImageUri);
        WriteIfSet(writer, "codeS3Bucket", target.CodeS3Bucket);
        WriteIfSet(writer, "eventSourceArn", target.EventSourceArn);
        if (target.Destinations.Count > 0)
        {
            writer.WriteStartArray("destinations");
            foreach (var destination in target.Destinations)
            {
                writer.WriteStringValue(Bound($"{destination.Kind} {destination.Arn}"));
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();

        writer.WriteStartObject("event");
        WriteOptional(writer, "sourceIpAddress", record.SourceIpAddress);
        WriteOptional(writer, "userAgent", record.UserAgent);
        WriteOptional(writer, "errorCode", record.ErrorCode);
        WriteOptional(writer, "errorMessage", record.ErrorMessage);
        WriteOptional(writer, "requestId", record.RequestId);
        WriteOptional(writer, "consoleLink", finding.ConsoleLink);
        writer.WriteEndObject();

        writer.WriteStartArray("reasons");
        foreach (var reason in finding.Reasons.Take(20))
        {
            writer.WriteStringValue(Bound(reason));
        }

        writer.WriteEndArray();
        writer.WriteStartArray("alsoMatched");
        foreach (var id in finding.AlsoMatched)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("failedAttempt", finding.FailedAttempt);

        if (finding.Location is { } location)
        {
            writer.WriteStartObject("source");
            writer.WriteString("path", SafeText.WellFormed(location.Path));
            writer.WriteNumber("index", location.Index);
            writer.WriteEndObject();
        }
    }

    /// <summary>Request and response parameters, each within half the budget. Over budget a value is
    /// replaced by a marker with its size and a text preview, so readers know something was cut.</summary>
    private static void WriteParameters(Utf8JsonWriter writer, Finding finding, int budget)
    {
        var half = Math.Max(0, budget / 2);
        WriteBoundedJson(writer, "requestParameters", finding.Record.RequestParameters, half);
        WriteBoundedJson(writer, "responseElements", finding.Record.ResponseElements, half);
    }

    private static void WriteBoundedJson(Utf8JsonWriter writer, string name, JsonElement? value, int budget)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            writer.WriteNull(name);
            return;
        }

        if (!IsWritable(element))
        {
            writer.WriteStartObject(name);
            writer.WriteBoolean("unreadable", true);
            writer.WriteEndObject();
            return;
        }

        var raw = element.GetRawText();
        var bytes = Encoding.UTF8.GetByteCount(raw);
        if (bytes <= budget)
        {
            writer.WritePropertyName(name);
            element.WriteTo(writer);
            return;
        }

        writer.WriteStartObject(name);
        writer.WriteBoolean("truncated", true);
        writer.WriteNumber("originalBytes", bytes);
        writer.WriteString("preview", SafeText.WellFormed(TextBounds.Cut(raw, Math.Max(0, budget / 2))));
        writer.WriteEndObject();
    }

    /// <summary>Parameters are caller-chosen: text that is not UTF-8, or a lone surrogate escape, makes the
    /// writer throw, and one odd parameter must never cost the finding or the alert.</summary>
    private static bool IsWritable(JsonElement element)
    {
        try
        {
            using var probe = new Utf8JsonWriter(Stream.Null);
            element.WriteTo(probe);
            _ = element.GetRawText();
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
