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
        var subject = Subject($"LambdaGuard {finding.Severity} {finding.RuleId}: {finding.Rule.Title}", finding.Target.FunctionName);
        var text = Text(finding, alertId, check, checkError);
        var chatbot = Chatbot(finding, check);
        var attributes = AlertEnvelope.Attributes(finding.Severity.ToString(), finding.RuleId, finding.Api, finding.Record.RecipientAccountId, finding.Actor.Class.ToString());

        var budget = parameterBudget;
        while (true)
        {
            var json = FindingJson.Alert(finding, alertId, detectedAt, check, checkError, budget);
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

    private static string Text(Finding finding, string alertId, SuppressionCheck check, string? checkError)
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

        text.Append("CloudTrail: ").AppendLine(finding.ConsoleLink ?? "-");
        text.Append("Alert id:  ").AppendLine(alertId);
        return text.ToString();
    }

    private static string Chatbot(Finding finding, SuppressionCheck check)
    {
        var title = $"{finding.Severity} {finding.RuleId}: {finding.Rule.Title}";
        var description = new StringBuilder();
        if (check == SuppressionCheck.Unavailable)
        {
            description.Append("*Suppression check unavailable* \u2014 not checked against the suppression list.\n");
        }

        description.Append(SafeText.Markdown(finding.Summary)).Append('\n');
        description.Append("*Actor:* ").Append(SafeText.Markdown(finding.Actor.Principal)).Append(" (").Append(finding.Actor.Class).Append(")\n");
        description.Append("*Function:* ").Append(SafeText.Markdown(finding.Target.FunctionName)).Append('\n');
        description.Append("*Why:* ").Append(string.Join("; ", finding.Reasons.Select(r => SafeText.Markdown(r, 300))));
        if (finding.ConsoleLink is { } link)
        {
            description.Append("\n<").Append(link).Append("|Open the event in CloudTrail>");
        }

        return AlertEnvelope.Chatbot(
            title,
            description.ToString(),
            finding.Rule.Runbook.Take(3).ToList(),
            [finding.RuleId, finding.Severity.ToString(), finding.Actor.Class.ToString()],
            finding.RuleId,
            SafeText.Line(finding.Summary, 300));
    }
}
