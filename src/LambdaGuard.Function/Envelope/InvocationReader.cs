using System.Text.Json;

namespace LambdaGuard.Function.Envelope;

/// <summary>Tells the function's inputs apart by their shape, with one source-generated deserialization.</summary>
internal static class InvocationReader
{
    public const string CloudTrailDetailType = "AWS API Call via CloudTrail";
    public const string ScheduledDetailType = "Scheduled Event";
    public const string SpokeHeartbeatDetailType = "LambdaGuard Heartbeat";
    public const string SpokeHeartbeatSource = "lambdaguard.heartbeat";

    private const string Payload = "invocation payload";

    public static ParsedInvocation Read(ReadOnlySpan<byte> json)
    {
        InvocationEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(json, EnvelopeJsonContext.Default.InvocationEnvelope);
        }
        catch (JsonException ex)
        {
            return new ParsedInvocation(InvocationKind.Unrecognised, null, Payload, $"not a JSON object: {Clean(ex)}");
        }

        if (envelope is null)
        {
            return new ParsedInvocation(InvocationKind.Unrecognised, null, Payload, "the payload is JSON null");
        }

        if (envelope.DetailType is { } detailType)
        {
            var where = $"EventBridge event {envelope.Id ?? "(no id)"}";
            return detailType switch
            {
                CloudTrailDetailType when envelope.Detail is { ValueKind: JsonValueKind.Object } =>
                    new ParsedInvocation(InvocationKind.CloudTrailEvent, envelope, where),
                CloudTrailDetailType =>
                    new ParsedInvocation(InvocationKind.Unrecognised, envelope, where, $"detail is {Describe(envelope.Detail)}, not a CloudTrail record object"),
                ScheduledDetailType =>
                    new ParsedInvocation(InvocationKind.ScheduledEvent, envelope, where),
                SpokeHeartbeatDetailType when envelope.Source == SpokeHeartbeatSource &&
                    !string.IsNullOrWhiteSpace(envelope.Account) && !string.IsNullOrWhiteSpace(envelope.Region) =>
                    new ParsedInvocation(InvocationKind.SpokeHeartbeat, envelope, where),
                SpokeHeartbeatDetailType =>
                    new ParsedInvocation(
                        InvocationKind.Unrecognised,
                        envelope,
                        where,
                        $"a heartbeat needs source '{SpokeHeartbeatSource}' and the envelope's account and region"),
                _ => new ParsedInvocation(
                    InvocationKind.Unrecognised,
                    envelope,
                    where,
                    $"detail-type '{Bound(detailType)}' is not one the function handles ('{CloudTrailDetailType}', '{ScheduledDetailType}')"),
            };
        }

        if (envelope.Records is not null)
        {
            return new ParsedInvocation(InvocationKind.SuppressionStreamBatch, envelope, "DynamoDB stream batch");
        }

        return new ParsedInvocation(
            InvocationKind.Unrecognised, envelope, Payload, "neither an EventBridge event (no detail-type) nor a DynamoDB stream batch (no Records)");
    }

    private static string Describe(JsonElement? element) => element?.ValueKind switch
    {
        null or JsonValueKind.Undefined => "missing",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private static string Clean(JsonException ex)
    {
        var where = ex.BytePositionInLine is { } at ? $" (line {(ex.LineNumber ?? 0) + 1}, byte {at})" : string.Empty;
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message) + where;
    }

    private static string Bound(string text) => text.Length <= 100 ? text : text[..100] + "...";
}
