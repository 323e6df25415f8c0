using System.Text;
using System.Text.Json;

namespace LambdaGuard.Core.Formats;

/// <summary>One alert as an AWS Security Finding Format (ASFF, schema 2018-10-08) finding for
/// BatchImportFindings. The finding belongs to the calling account (a default-product rule); the account the
/// change happened in is named by the resource ARN and <c>ProductFields["lambdaguard/account"]</c>. Severity
/// and types go in <c>FindingProviderFields</c>, which is what an importing provider may update; <c>Id</c> comes
/// from the alert id, so a redelivered alert updates its finding instead of adding one.</summary>
public static class AsffFinding
{
    public const string SchemaVersion = "2018-10-08";
    public const int MaxFindingsPerImport = 100;

    // ASFF type categories under TTPs (Security Hub's types taxonomy); other tactics fall back to a behavior type.
    private static readonly HashSet<string> TtpCategories = new(StringComparer.Ordinal)
    {
        "Initial Access", "Execution", "Persistence", "Privilege Escalation", "Defense Evasion", "Credential Access",
        "Discovery", "Lateral Movement", "Collection", "Command and Control",
    };

    public static string Id(string alertId) => $"lambdaguard/{alertId}";

    public static string Json(JsonElement alert, AsffTarget target, DateTimeOffset updatedAt, string? suppressionId = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, alert, target, updatedAt, suppressionId);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>The request body of <c>POST /findings/import</c> (and what <c>aws securityhub
    /// batch-import-findings --cli-input-json</c> reads).</summary>
    public static string ImportBody(IEnumerable<string> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var body = new StringBuilder("{\"Findings\":[");
        var first = true;
        foreach (var finding in findings)
        {
            body.Append(first ? string.Empty : ",").Append(finding);
            first = false;
        }

        return body.Append("]}").ToString();
    }

    public static void Write(Utf8JsonWriter writer, JsonElement alert, AsffTarget target, DateTimeOffset updatedAt, string? suppressionId = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(target);
        var alertId = AlertFields.Text(alert, "alertId") ?? throw new ArgumentException("The alert has no alertId.", nameof(alert));
        var ruleId = AlertFields.Text(alert, "ruleId") ?? "unknown";
        var severity = AlertFields.Text(alert, "severity") ?? "Medium";
        var account = AlertFields.Text(alert, "account");
        var region = AlertFields.Text(alert, "region");
        var eventTime = AlertFields.Time(AlertFields.Text(alert, "eventTime")) ?? updatedAt;
        var created = AlertFields.Iso(eventTime);
        var types = Types(alert);

        writer.WriteStartObject();
        writer.WriteString("SchemaVersion", SchemaVersion);
        writer.WriteString("Id", Id(alertId));
        writer.WriteString("ProductArn", target.ProductArn);
        writer.WriteString("ProductName", "LambdaGuard");
        writer.WriteString("CompanyName", "LambdaGuard");
        writer.WriteString("GeneratorId", $"lambdaguard-{ruleId}");
        writer.WriteString("AwsAccountId", target.CallingAccount);
        writer.WriteString("Region", target.Region);
        WriteTypes(writer, "Types", types);
        writer.WriteString("FirstObservedAt", created);
        writer.WriteString("LastObservedAt", created);
        writer.WriteString("CreatedAt", created);
        writer.WriteString("UpdatedAt", AlertFields.Iso(updatedAt < eventTime ? eventTime : updatedAt));
        WriteSeverity(writer, severity);
        writer.WriteStartObject("FindingProviderFields");
        WriteSeverity(writer, severity);
        WriteTypes(writer, "Types", types);
        writer.WriteEndObject();
        writer.WriteString("Title", AlertFields.Cut($"{ruleId} {AlertFields.Text(alert, "title")}", 256));
        writer.WriteString("Description", AlertFields.Cut(AlertFields.Text(alert, "summary") ?? ruleId, 1024));
        if (AlertFields.Text(alert, "links", "cloudTrailEvent") is { } sourceUrl)
        {
            writer.WriteString("SourceUrl", sourceUrl);
        }

        var runbook = AlertFields.Texts(alert, "runbook");
        writer.WriteStartObject("Remediation");
        writer.WriteStartObject("Recommendation");
        writer.WriteString("Text", AlertFields.Cut(runbook.Count > 0 ? runbook[0] : "Confirm the change with its owner.", 512));
        if (AlertFields.Text(alert, "links", "functionConsole") is { } console)
        {
            writer.WriteString("Url", console);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("ProductFields");
        ProductField(writer, "lambdaguard/ruleId", ruleId);
        ProductField(writer, "lambdaguard/alertId", alertId);
        ProductField(writer, "lambdaguard/account", account);
        ProductField(writer, "lambdaguard/region", region);
        ProductField(writer, "lambdaguard/eventId", AlertFields.Text(alert, "eventId"));
        ProductField(writer, "lambdaguard/eventName", AlertFields.Text(alert, "eventName"));
        ProductField(writer, "lambdaguard/actorClass", AlertFields.Text(alert, "actor", "class"));
        ProductField(writer, "lambdaguard/actorPrincipal", AlertFields.Text(alert, "actor", "principal"));
        ProductField(writer, "lambdaguard/codeSha256", AlertFields.Text(alert, "codeSha256"));
        ProductField(writer, "lambdaguard/functionUrl", AlertFields.Text(alert, "links", "functionUrl"));
        ProductField(writer, "lambdaguard/suppressionCommand", AlertFields.Text(alert, "suppressionCommand"));
        writer.WriteEndObject();

        writer.WriteStartArray("Resources");
        WriteResource(writer, alert, target.Partition, account, region);
        writer.WriteEndArray();

        writer.WriteStartObject("Action");
        writer.WriteString("ActionType", "AWS_API_CALL");
        writer.WriteStartObject("AwsApiCallAction");
        writer.WriteString("Api", AlertFields.Cut(AlertFields.Text(alert, "api") ?? "unknown", 128));
        writer.WriteString("ServiceName", "lambda.amazonaws.com");
        writer.WriteString("FirstSeen", created);
        writer.WriteString("LastSeen", created);
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteString("RecordState", "ACTIVE");
        if (suppressionId is not null)
        {
            writer.WriteStartObject("Workflow");
            writer.WriteString("Status", "SUPPRESSED");
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static string Label(string severity) => severity switch
    {
        "Critical" => "CRITICAL",
        "High" => "HIGH",
        "Medium" => "MEDIUM",
        "Low" => "LOW",
        _ => "INFORMATIONAL",
    };

    private static List<string> Types(JsonElement alert)
    {
        var types = new List<string>();
        foreach (var mapping in AlertFields.Objects(alert, "mitre"))
        {
            var tactic = AlertFields.Text(mapping, "tactic");
            var type = tactic is not null && TtpCategories.Contains(tactic)
                ? $"TTPs/{tactic}/{AlertFields.Text(mapping, "techniqueId")} {AlertFields.Text(mapping, "technique")}"
                : "Unusual Behaviors/User";
            if (!types.Contains(type))
            {
                types.Add(type);
            }
        }

        if (types.Count == 0)
        {
            types.Add("Unusual Behaviors/User");
        }

        return types;
    }

    private static void WriteTypes(Utf8JsonWriter writer, string name, List<string> types)
    {
        writer.WriteStartArray(name);
        foreach (var type in types.Take(50))
        {
            writer.WriteStringValue(AlertFields.Cut(type, 128));
        }

        writer.WriteEndArray();
    }

    private static void WriteSeverity(Utf8JsonWriter writer, string severity)
    {
        writer.WriteStartObject("Severity");
        writer.WriteString("Label", Label(severity));
        writer.WriteString("Original", severity);
        writer.WriteEndObject();
    }

    private static void ProductField(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, AlertFields.Cut(value, 1024));
        }
    }

    private static void WriteResource(Utf8JsonWriter writer, JsonElement alert, string partition, string? account, string? region)
    {
        var function = AlertFields.Text(alert, "functionName");
        var layer = AlertFields.Text(alert, "target", "layerName");
        writer.WriteStartObject();
        if (function is not null)
        {
            writer.WriteString("Type", "AwsLambdaFunction");
            writer.WriteString("Id", AlertFields.Cut(AlertFields.Text(alert, "target", "functionArn") ?? $"arn:{partition}:lambda:{region}:{account}:function:{function}", 512));
        }
        else if (layer is not null)
        {
            writer.WriteString("Type", "AwsLambdaLayerVersion");
            writer.WriteString("Id", AlertFields.Cut($"arn:{partition}:lambda:{region}:{account}:layer:{layer}", 512));
        }
        else
        {
            writer.WriteString("Type", "AwsAccount");
            writer.WriteString("Id", $"AWS::::Account:{account ?? "unknown"}");
        }

        writer.WriteString("Partition", partition);
        if (region is not null)
        {
            writer.WriteString("Region", AlertFields.Cut(region, 16));
        }

        writer.WriteEndObject();
    }
}
