using System.Text;
using System.Text.Json;

namespace LambdaGuard.Core.Alerts;

/// <summary>One labelled message that is not a finding (the daily canary, <c>lambdaguard test-alert</c>): the
/// envelope and attributes of a real alert, so it travels every path an alert does, with the label in the
/// subject, the text, the JSON (a <see cref="Marker"/> flag and its own rule id) and the chat card.</summary>
public sealed record NonFindingMessage
{
    public required string AlertId { get; init; }

    /// <summary>The heading people see: the chat card title, and the text's first line.</summary>
    public required string Label { get; init; }

    /// <summary>The <c>title</c> of the alert JSON.</summary>
    public required string Title { get; init; }

    /// <summary>The boolean property set to <c>true</c> in the alert JSON.</summary>
    public required string Marker { get; init; }

    public required string RuleId { get; init; }
    public required string Summary { get; init; }

    /// <summary>Detection time, already in the alert form (whole seconds, UTC).</summary>
    public required string When { get; init; }

    public required string Subject { get; init; }
    public required string NextStep { get; init; }

    /// <summary>The <c>api</c> of the alert JSON; left out when null.</summary>
    public string? JsonApi { get; init; }

    public string? Account { get; init; }

    /// <summary>A line of the text between the summary and the alert id; none when null.</summary>
    public string? TextNote { get; init; }

    public required Dictionary<string, string> Attributes { get; init; }

    public AlertMessage ToAlert()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("schema", FindingJson.AlertSchema);
            json.WriteBoolean(Marker, true);
            json.WriteString("alertId", AlertId);
            json.WriteString("ruleId", RuleId);
            json.WriteString("title", Title);
            json.WriteString("severity", "Info");
            json.WriteString("summary", Summary);
            if (JsonApi is not null)
            {
                json.WriteString("api", JsonApi);
            }

            if (Account is not null)
            {
                json.WriteString("account", Account);
            }

            json.WriteString("detectedAt", When);
            json.WriteEndObject();
        }

        var alertJson = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        var note = TextNote is null ? string.Empty : TextNote + "\n";
        var text = $"{Label} - this is not a finding.\n\n{Summary}\n{note}Alert id: {AlertId}\n";
        var chatbot = AlertEnvelope.Chatbot(Label, SafeText.Code(Summary), [NextStep], [RuleId, "Info"], RuleId, SafeText.Line(Summary, 300));
        return new AlertMessage(AlertId, SafeText.Ascii(Subject, 99), AlertEnvelope.Compose(text, alertJson, chatbot), Attributes);
    }
}
