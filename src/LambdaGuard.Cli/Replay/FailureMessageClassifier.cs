using System.Text;
using System.Text.Json;

namespace LambdaGuard.Cli.Replay;

/// <summary>Recognises every message the stack's failure queues and bucket can hold (docs/deploy.md, "Failure
/// behaviour"): the rule DLQ (CloudTrail and tamper events, the heartbeat), the async failure queue (on-failure
/// records, with or without their payload), the stream-failure queue (S3 "Object Created" events) and the
/// audit-failure objects themselves. SQS dumps (<c>aws sqs receive-message</c> output, <c>Messages[]</c>) are
/// classified message by message, with the DLQ's <c>RULE_ARN</c>/<c>TARGET_ARN</c> attributes when present.</summary>
public static class FailureMessageClassifier
{
    private const string CloudTrailDetailType = "AWS API Call via CloudTrail";
    private const string TamperRulePrefix = ":rule/LambdaGuard-Tamper-";
    private const string TamperSchema = "lambdaguard.tamper/v1";

    private static readonly string[] CloudTrailKeys = ["Records", "eventSource", "eventName", "eventVersion", "userIdentity", "eventID"];

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, MaxDepth = 256 };

    /// <returns>Null when the file holds only detector input, so the reader takes it whole as before (its
    /// locations and problems unchanged); otherwise every message, classified.</returns>
    public static IReadOnlyList<FailureMessage>? Classify(ReadOnlyMemory<byte> content, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content, Options);
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            List<FailureMessage> messages;
            if (root.TryGetProperty("Messages", out var dump) && dump.ValueKind == JsonValueKind.Array)
            {
                messages = [];
                var index = 0;
                foreach (var message in dump.EnumerateArray())
                {
                    var where = $"{path} message {index}" + (Text(message, "MessageId") is { } id ? $" ({id})" : string.Empty);
                    index++;
                    if (Text(message, "Body") is not { } body)
                    {
                        messages.Add(new FailureMessage(FailureMessageKind.Unrecognised, where, default, "the message has no Body"));
                        continue;
                    }

                    messages.Add(ClassifyOne(Encoding.UTF8.GetBytes(body), where, Attribute(message, "RULE_ARN"), Attribute(message, "TARGET_ARN")));
                }
            }
            else
            {
                messages = [ClassifyOne(content, path, null, null)];
            }

            return messages.All(m => m.Kind == FailureMessageKind.DetectorInput) ? null : messages;
        }
    }

    public static FailureMessage ClassifyOne(ReadOnlyMemory<byte> body, string where, string? ruleArn, string? targetArn)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            // Not JSON: the reader reports it as it would for scan.
            return new FailureMessage(FailureMessageKind.DetectorInput, where, body);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new FailureMessage(FailureMessageKind.DetectorInput, where, body);
            }

            if (root.TryGetProperty("DDBStreamBatchInfo", out var batch))
            {
                return StreamFailure(root, batch, where);
            }

            if (root.TryGetProperty("requestContext", out var context) && context.ValueKind == JsonValueKind.Object)
            {
                if (!root.TryGetProperty("requestPayload", out var payload) || payload.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
                {
                    var condition = Text(context, "condition") ?? "unknown condition";
                    var function = Text(context, "functionArn") ?? "the detector";
                    return new FailureMessage(
                        FailureMessageKind.PayloadDropped,
                        where,
                        default,
                        $"on-failure record of {function} ({condition}) without requestPayload: Lambda dropped the event because the record exceeded the destination's size limit; find the event in CloudTrail (timestamp {Text(root, "timestamp") ?? "unknown"}) and replay it from there");
                }

                if (payload.ValueKind == JsonValueKind.Object && Text(payload, "detail-type") == "Scheduled Event")
                {
                    return new FailureMessage(FailureMessageKind.Heartbeat, where, default, "a failed heartbeat; nothing to redrive (the next one runs within a day)");
                }

                return new FailureMessage(FailureMessageKind.DetectorInput, where, body);
            }

            if (Text(root, "schema") == TamperSchema)
            {
                return new FailureMessage(FailureMessageKind.TamperEvent, where, body, Text(root, "title"), TopicArn(targetArn));
            }

            if (Text(root, "detail-type") is not { } detailType)
            {
                // A trail file or a bare record; an object that is neither would otherwise replay as one
                // harmless "record" and exit 0.
                return CloudTrailKeys.Any(k => root.TryGetProperty(k, out _))
                    ? new FailureMessage(FailureMessageKind.DetectorInput, where, body)
                    : new FailureMessage(FailureMessageKind.Unrecognised, where, default, "a JSON object that is neither a CloudTrail file or record, an EventBridge event, an on-failure record nor a failure-queue dump");
            }

            var source = Text(root, "source");
            if (ruleArn is not null && ruleArn.Contains(TamperRulePrefix, StringComparison.Ordinal))
            {
                return new FailureMessage(FailureMessageKind.TamperEvent, where, body, Describe(root), TopicArn(targetArn));
            }

            if (detailType == "Scheduled Event")
            {
                return new FailureMessage(FailureMessageKind.Heartbeat, where, default, "a failed heartbeat; nothing to redrive (the next one runs within a day)");
            }

            if (detailType == "Object Created" && source == "aws.s3"
                && root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object
                && detail.TryGetProperty("bucket", out var bucket) && Text(bucket, "name") is { } bucketName
                && detail.TryGetProperty("object", out var item) && Text(item, "key") is { } key)
            {
                return new FailureMessage(FailureMessageKind.AuditFailureNotice, where, default, $"s3://{bucketName}/{key}");
            }

            if (detailType == CloudTrailDetailType)
            {
                // The CloudTrail rule sends only aws.lambda; every other service's call in a LambdaGuard queue
                // comes from a tamper rule (whose topic target failed).
                return source == "aws.lambda"
                    ? new FailureMessage(FailureMessageKind.DetectorInput, where, body)
                    : new FailureMessage(FailureMessageKind.TamperEvent, where, body, Describe(root), TopicArn(targetArn));
            }

            return new FailureMessage(FailureMessageKind.Unrecognised, where, default, $"an EventBridge event ({source ?? "no source"}, '{detailType}') that no LambdaGuard rule sends");
        }
    }

    private static FailureMessage StreamFailure(JsonElement root, JsonElement batch, string where)
    {
        var stream = Text(batch, "streamArn") ?? "the suppressions stream";
        var range = $"{Text(batch, "startSequenceNumber") ?? "?"}..{Text(batch, "endSequenceNumber") ?? "?"}";
        if (root.TryGetProperty("payload", out var payload))
        {
            // AWS documents the payload as the invocation event serialized into a string; accept an object too.
            var records = payload.ValueKind switch
            {
                JsonValueKind.String => Encoding.UTF8.GetBytes(payload.GetString()!),
                JsonValueKind.Object => Encoding.UTF8.GetBytes(payload.GetRawText()),
                _ => null,
            };
            if (records is not null)
            {
                return new FailureMessage(FailureMessageKind.StreamBatch, where, records, $"{stream} {range}");
            }
        }

        return new FailureMessage(
            FailureMessageKind.StreamBatchPointer,
            where,
            default,
            $"a pointer to records {range} of {stream} without the records themselves (an SQS on-failure destination); the stream keeps them 24 hours: "
            + "read them with 'aws dynamodbstreams get-records' while they last, or look for the batch in the audit-failure bucket");
    }

    private static string Describe(JsonElement root)
    {
        var detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var name = detail.ValueKind == JsonValueKind.Object ? Text(detail, "eventName") : null;
        return $"{name ?? Text(root, "detail-type")} ({Text(root, "source")}) at {Text(root, "time") ?? "unknown time"}";
    }

    private static string? TopicArn(string? arn) => arn is not null && arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Split(':') is { Length: 6 } parts && parts[2] == "sns" ? arn : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // receive-message output: "MessageAttributes": {"RULE_ARN": {"StringValue": "...", "DataType": "String"}}
    private static string? Attribute(JsonElement message, string name) =>
        message.TryGetProperty("MessageAttributes", out var attributes) && attributes.ValueKind == JsonValueKind.Object
        && attributes.TryGetProperty(name, out var attribute)
            ? Text(attribute, "StringValue")
            : null;
}
