using System.Text;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Alerts;

/// <summary>Turns a finding into the SNS message of docs/interfaces.md. The facts an analyst needs are always
/// kept; only request/response parameters shrink until the envelope fits.</summary>
public sealed class AlertBuilder(int parameterBudget = 16 * 1024)
{
    public AlertMessage Build(Finding finding, DateTimeOffset detectedAt, SuppressionCheck check, string? checkError = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var alertId = AlertIds.For(finding);
        var links = AlertLinks.For(finding);
        var command = SuppressionCommand.For(finding);
        var subject = Subject($"LambdaGuard {finding.Severity} {finding.RuleId}: {finding.Rule.Title}", finding.Target.FunctionName);
        var text = Text(finding, alertId, links, command, check, checkError);
        var chatbot = Chatbot(finding, alertId, links, command, check);
        var attributes = AlertEnvelope.Attributes(finding.Severity.ToString(), finding.RuleId, finding.Api, finding.Record.RecipientAccountId, finding.Actor.Class.ToString());

        var budget = parameterBudget;
        while (true)
        {
            var json = FindingJson.Alert(finding, alertId, detectedAt, check, checkError, budget, command);
            var message = new AlertMessage(alertId, subject, AlertEnvelope.Compose(text, json, chatbot), attributes);
            if (budget == 0 || AlertEnvelope.SizeOf(message) <= AlertEnvelope.MaxEnvelopeBytes)
            {
                return message;
            }

            budget /= 4;
        }
    }

    public static string Subject(string headline, string? functionName)
    {
        var full = functionName is null ? headline : $"{headline} ({functionName})";
        return SafeText.Ascii(full, 99);
    }

    /// <summary>Chat threads group one function's alerts in one account, whatever the rule; the id carries
    /// no markup and stays short.</summary>
    public static string ThreadId(string? account, string? functionOrLayer)
    {
        var name = string.IsNullOrEmpty(functionOrLayer) ? "-" : functionOrLayer;
        var safe = new string(name.Take(64).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return $"lambdaguard-{SafeText.Ascii(account ?? "unknown", 12)}-{safe}";
    }

    private static string Text(Finding finding, string alertId, AlertLinks links, string? command, SuppressionCheck check, string? checkError)
    {
        var record = finding.Record;
        var actor = finding.Actor;
        var text = new StringBuilder();
        text.Append("LambdaGuard alert: ").Append(finding.Severity).Append(' ').Append(finding.RuleId).Append(" - ").AppendLine(finding.Rule.Title);
        if (check == SuppressionCheck.Unavailable)
        {
            text.Append("!! Suppression check unavailable: this alert was not checked against the suppression list (").Append(SafeText.Line(checkError)).AppendLine(").");
        }

        text.AppendLine();
        text.Append("Summary:   ").AppendLine(SafeText.Line(finding.Summary));
        text.Append("Actor:     ").Append(actor.Class).Append(" (").Append(SafeText.Line(actor.Type)).Append(") ").AppendLine(SafeText.Line(actor.Principal));
        text.Append("Session:   ").AppendLine(SafeText.Line(actor.Arn));
        text.Append("Flags:     cross-account=").Append(actor.CrossAccount ? "yes" : "no")
            .Append(" console=").Append(actor.Console ? "yes" : "no")
            .Append(" mfa=").Append(actor.Mfa ? "yes" : "no")
            .Append(" invokedBy=").AppendLine(SafeText.Line(actor.InvokedBy));
        text.Append("Function:  ").AppendLine(SafeText.Line(finding.Target.FunctionName ?? finding.Target.LayerName));
        if (finding.Target.GrantedPrincipal is not null || finding.Target.UrlAuthType is not null)
        {
            text.Append("Granted:   ").Append(SafeText.Line(finding.Target.GrantedPrincipal)).Append(" authType=").AppendLine(SafeText.Line(finding.Target.UrlAuthType));
        }

        if (finding.Target.Layers.Count > 0)
        {
            text.Append("Layers:    ").AppendLine(SafeText.Line(string.Join(", ", finding.Target.Layers)));
        }

        text.Append("Account:   ").Append(SafeText.Line(record.RecipientAccountId)).Append("  Region: ").AppendLine(SafeText.Line(record.AwsRegion));
        text.Append("Event:     ").Append(SafeText.Line(record.EventName)).Append(" at ").Append(SafeText.Line(record.EventTime)).Append(" id ").AppendLine(SafeText.Line(record.EventId));
        text.Append("From:      ").Append(SafeText.Line(record.SourceIpAddress)).Append(" using ").AppendLine(SafeText.Line(record.UserAgent));
        if (links.CodeSha256 is { } sha)
        {
            text.Append("Code SHA-256: ").AppendLine(sha);
        }

        text.AppendLine("Why:");
        foreach (var reason in finding.Reasons)
        {
            text.Append("  - ").AppendLine(SafeText.Line(reason));
        }

        if (finding.AlsoMatched.Count > 0)
        {
            text.Append("Also matched: ").AppendLine(string.Join(", ", finding.AlsoMatched));
        }

        text.Append("MITRE:     ").AppendLine(string.Join("; ", finding.Rule.Mitre.Select(m => $"{m.TacticId} {m.TacticName} / {m.TechniqueId} {m.TechniqueName}")));
        text.AppendLine("Runbook:");
        var step = 1;
        foreach (var line in finding.Rule.Runbook)
        {
            text.Append("  ").Append(step++).Append(". ").AppendLine(line);
        }

        text.AppendLine("Links:");
        text.Append("  CloudTrail event: ").AppendLine(links.CloudTrailEvent ?? "-");
        text.Append("  Function console: ").AppendLine(links.FunctionConsole ?? "-");
        if (links.FunctionUrl is { } url)
        {
            text.Append("  Public function URL: ").AppendLine(url);
        }

        if (command is not null)
        {
            text.AppendLine("If this change is expected, silence exactly this for 30 days (fill in the reason):");
            text.Append("  ").AppendLine(command);
        }

        text.Append("Alert id:  ").AppendLine(alertId);
        return text.ToString();
    }

    private static string Chatbot(Finding finding, string alertId, AlertLinks links, string? command, SuppressionCheck check)
    {
        var record = finding.Record;
        var title = $"{finding.Severity} {finding.RuleId}: {finding.Rule.Title}";
        var description = new StringBuilder();
        if (check == SuppressionCheck.Unavailable)
        {
            description.Append("*Suppression check unavailable* \u2014 not checked against the suppression list.\n");
        }

        description.Append("*Actor:* ").Append(finding.Actor.Class).Append(' ').Append(SafeText.Code(finding.Actor.Principal)).Append('\n');
        description.Append("*Call:* ").Append(SafeText.Code(finding.Api)).Append(" on ").Append(SafeText.Code(finding.Target.FunctionName ?? finding.Target.LayerName)).Append('\n');
        description.Append("*Account:* ").Append(SafeText.Code(record.RecipientAccountId)).Append(" *Region:* ").Append(SafeText.Code(record.AwsRegion)).Append('\n');
        description.Append("*Why:*");
        foreach (var reason in finding.Reasons.Take(5))
        {
            description.Append("\n\u2022 ").Append(SafeText.Code(reason, 300));
        }

        if (links.CodeSha256 is { } sha)
        {
            description.Append("\n*Code SHA-256:* ").Append(SafeText.Code(sha));
        }

        // Bare URLs: both Slack and Teams link them, and neither needs its own link syntax.
        if (links.CloudTrailEvent is { } trail)
        {
            description.Append("\n*CloudTrail event:* ").Append(trail);
        }

        if (links.FunctionConsole is { } console)
        {
            description.Append("\n*Function console:* ").Append(console);
        }

        if (links.FunctionUrl is { } url)
        {
            description.Append("\n*Public function URL:* ").Append(SafeText.Code(url));
        }

        if (command is not null)
        {
            description.Append("\n*Expected? Silence exactly this for 30 days:* ").Append(SafeText.Code(command, 2048));
        }

        return AlertEnvelope.Chatbot(
            title,
            description.ToString(),
            finding.Rule.Runbook.Take(3).ToList(),
            [finding.RuleId, finding.Severity.ToString(), finding.Actor.Class.ToString()],
            ThreadId(record.RecipientAccountId, finding.Target.FunctionName ?? finding.Target.LayerName),
            title,
            alertId);
    }
}
