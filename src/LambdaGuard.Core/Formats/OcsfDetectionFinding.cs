using System.Net;
using System.Text;
using System.Text.Json;

namespace LambdaGuard.Core.Formats;

/// <summary>One alert as an OCSF 1.1.0 Detection Finding (class 2004, category Findings, cloud profile): the
/// version Amazon Security Lake custom sources take. One JSON object per line.</summary>
public static class OcsfDetectionFinding
{
    public const string Version = "1.1.0";
    public const int ClassUid = 2004;
    public const int CategoryUid = 2;
    public const int ActivityCreate = 1;

    public static string Json(JsonElement alert, string? suppressionId = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, alert, suppressionId);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static int SeverityId(string? severity) => severity switch
    {
        "Info" => 1,
        "Low" => 2,
        "Medium" => 3,
        "High" => 4,
        "Critical" => 5,
        _ => 0,
    };

    public static void Write(Utf8JsonWriter writer, JsonElement alert, string? suppressionId = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var alertId = AlertFields.Text(alert, "alertId") ?? throw new ArgumentException("The alert has no alertId.", nameof(alert));
        var severity = AlertFields.Text(alert, "severity");
        var detectedAt = AlertFields.Time(AlertFields.Text(alert, "detectedAt"));
        var eventTime = AlertFields.Time(AlertFields.Text(alert, "eventTime")) ?? detectedAt ?? DateTimeOffset.UnixEpoch;
        var eventMs = eventTime.ToUnixTimeMilliseconds();
        var account = AlertFields.Text(alert, "account");
        var region = AlertFields.Text(alert, "region");
        var ruleId = AlertFields.Text(alert, "ruleId") ?? "unknown";
        var title = AlertFields.Text(alert, "title") ?? ruleId;

        writer.WriteStartObject();
        writer.WriteNumber("activity_id", ActivityCreate);
        writer.WriteString("activity_name", "Create");
        writer.WriteNumber("category_uid", CategoryUid);
        writer.WriteString("category_name", "Findings");
        writer.WriteNumber("class_uid", ClassUid);
        writer.WriteString("class_name", "Detection Finding");
        writer.WriteNumber("type_uid", (ClassUid * 100) + ActivityCreate);
        writer.WriteString("type_name", "Detection Finding: Create");
        writer.WriteNumber("severity_id", SeverityId(severity));
        writer.WriteString("severity", severity == "Info" ? "Informational" : severity ?? "Unknown");
        writer.WriteNumber("status_id", suppressionId is null ? 1 : 3);
        writer.WriteString("status", suppressionId is null ? "New" : "Suppressed");
        writer.WriteNumber("time", eventMs);
        writer.WriteString("message", AlertFields.Text(alert, "summary") ?? title);

        writer.WriteStartObject("metadata");
        writer.WriteString("version", Version);
        writer.WriteString("uid", alertId);
        writer.WriteStartArray("profiles");
        writer.WriteStringValue("cloud");
        writer.WriteEndArray();
        writer.WriteStartObject("product");
        writer.WriteString("name", "LambdaGuard");
        writer.WriteString("vendor_name", "LambdaGuard");
        writer.WriteEndObject();
        if (AlertFields.Text(alert, "eventName") is { } eventName)
        {
            writer.WriteString("event_code", eventName);
        }

        writer.WriteEndObject();

        writer.WriteStartObject("finding_info");
        writer.WriteString("uid", alertId);
        writer.WriteString("title", $"{ruleId} {title}");
        if (AlertFields.Text(alert, "description") is { } description)
        {
            writer.WriteString("desc", description);
        }

        writer.WriteStartArray("types");
        writer.WriteStringValue(ruleId);
        writer.WriteEndArray();
        writer.WriteNumber("first_seen_time", eventMs);
        writer.WriteNumber("last_seen_time", eventMs);
        if (detectedAt is { } detected)
        {
            writer.WriteNumber("created_time", detected.ToUnixTimeMilliseconds());
        }

        if (AlertFields.Text(alert, "links", "cloudTrailEvent") is { } trail)
        {
            writer.WriteString("src_url", trail);
        }

        writer.WriteStartObject("analytic");
        writer.WriteString("uid", ruleId);
        writer.WriteString("name", title);
        writer.WriteNumber("type_id", 1);
        writer.WriteString("type", "Rule");
        writer.WriteEndObject();
        writer.WriteStartArray("attacks");
        foreach (var mapping in AlertFields.Objects(alert, "mitre"))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("tactic");
            writer.WriteString("uid", AlertFields.Text(mapping, "tacticId"));
            writer.WriteString("name", AlertFields.Text(mapping, "tactic"));
            writer.WriteEndObject();
            writer.WriteStartObject("technique");
            writer.WriteString("uid", AlertFields.Text(mapping, "techniqueId"));
            writer.WriteString("name", AlertFields.Text(mapping, "technique"));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartObject("cloud");
        writer.WriteString("provider", "AWS");
        Optional(writer, "region", region);
        if (account is not null)
        {
            WriteAccount(writer, account);
        }

        writer.WriteEndObject();

        writer.WriteStartObject("actor");
        writer.WriteStartObject("user");
        Optional(writer, "uid", AlertFields.Text(alert, "actor", "principal"));
        Optional(writer, "name", AlertFields.Text(alert, "actor", "arn") ?? AlertFields.Text(alert, "actor", "principal"));
        Optional(writer, "type", AlertFields.Text(alert, "actor", "type"));
        if (AlertFields.Text(alert, "actor", "accountId") is { } actorAccount)
        {
            WriteAccount(writer, actorAccount);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("api");
        writer.WriteString("operation", AlertFields.Text(alert, "api") ?? "unknown");
        writer.WriteStartObject("service");
        writer.WriteString("name", "lambda.amazonaws.com");
        writer.WriteEndObject();
        if (AlertFields.Text(alert, "event", "requestId") is { } requestId)
        {
            writer.WriteStartObject("request");
            writer.WriteString("uid", requestId);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();

        // OCSF's ip type takes addresses only; CloudTrail also logs service names there.
        if (AlertFields.Text(alert, "event", "sourceIpAddress") is { } source && IPAddress.TryParse(source, out _))
        {
            writer.WriteStartObject("src_endpoint");
            writer.WriteString("ip", source);
            writer.WriteEndObject();
        }

        writer.WriteStartArray("resources");
        var function = AlertFields.Text(alert, "functionName");
        var layer = AlertFields.Text(alert, "target", "layerName");
        if (function is not null || layer is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("type", function is not null ? "AWS::Lambda::Function" : "AWS::Lambda::LayerVersion");
            writer.WriteString("name", function ?? layer);
            Optional(writer, "uid", function is not null ? AlertFields.Text(alert, "target", "functionArn") : null);
            Optional(writer, "region", region);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("remediation");
        writer.WriteString("desc", string.Join(" ", AlertFields.Texts(alert, "runbook").Select((step, i) => $"{i + 1}. {step}")));
        writer.WriteEndObject();

        writer.WriteStartObject("unmapped");
        writer.WriteString("lambdaguard_schema", AlertFields.Text(alert, "schema"));
        Optional(writer, "rule_id", ruleId);
        Optional(writer, "suppression_id", suppressionId);
        Optional(writer, "function_console_url", AlertFields.Text(alert, "links", "functionConsole"));
        Optional(writer, "function_url", AlertFields.Text(alert, "links", "functionUrl"));
        Optional(writer, "code_sha256", AlertFields.Text(alert, "codeSha256"));
        Optional(writer, "suppression_command", AlertFields.Text(alert, "suppressionCommand"));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAccount(Utf8JsonWriter writer, string account)
    {
        writer.WriteStartObject("account");
        writer.WriteString("uid", account);
        writer.WriteNumber("type_id", 10);
        writer.WriteString("type", "AWS Account");
        writer.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
