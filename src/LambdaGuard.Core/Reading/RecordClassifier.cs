using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Events;

namespace LambdaGuard.Core.Reading;

/// <summary>Decides what one cut-out JSON value is (a record, an EventBridge event, a log file held whole,
/// a redrive wrapper, a digest) and numbers the records of one file.</summary>
internal sealed class RecordClassifier(string path, ReadCounters counters, bool dismissNonChanges = false)
{
    private static ReadOnlySpan<byte> LambdaSource => "lambda.amazonaws.com"u8;

    private const string CloudTrailDetailType = "AWS API Call via CloudTrail";

    public long NextIndex { get; private set; }

    /// <summary>One element of a Records array, or any other value known to be a single record.</summary>
    public void Record(ReadOnlySpan<byte> json, List<ReadItem> output)
    {
        var location = new RecordLocation(path, NextIndex++);
        counters.Records++;

        // Fast path: a record that does not even mention Lambda's event source is another service's.
        if (!MayBeLambda(json))
        {
            counters.OtherRecords++;
            return;
        }

        var repaired = TextRepair.Repair(json);
        Judge(json, repaired ?? json, repaired is not null, RecordHeader.Scan(repaired ?? json), location, output);
    }

    /// <summary>A record <see cref="StructuralCut"/> vouched for: valid UTF-8 without a single <c>\u</c>
    /// escape, so neither the search for escapes nor <see cref="TextRepair"/> can change anything, and its
    /// header is noted by a second structural pass instead of the tokenizer. The first cut notes nothing:
    /// noting keys while cutting every record was measured slower, on an archive of mostly other services'
    /// records, than this second pass over the Lambda ones (bench/README.md).</summary>
    public void CutRecord(ReadOnlySpan<byte> json, List<ReadItem> output)
    {
        var location = new RecordLocation(path, NextIndex++);
        counters.Records++;
        if (json.IndexOf(LambdaSource) < 0)
        {
            counters.OtherRecords++;
            return;
        }

        // The same bytes cut the same way again; the tokenizer stays the answer should they ever not.
        var header = StructuralCut.TryCutObject(json, out _, out var spans) ? RecordHeader.FromCut(json, spans) : RecordHeader.Scan(json);
        Judge(json, json, repaired: false, header, location, output);
    }

    private void Judge(ReadOnlySpan<byte> json, ReadOnlySpan<byte> text, bool repaired, RecordHeader header, RecordLocation location, List<ReadItem> output)
    {
        if (!header.IsLambda)
        {
            counters.OtherRecords++;
            return;
        }

        if (string.Equals(header.EventType, "AwsCloudTrailInsight", StringComparison.Ordinal))
        {
            counters.Skipped++;
            return;
        }

        counters.LambdaRecords++;
        if (!header.HasUserIdentity)
        {
            AddMalformed(output, location, "Lambda record has no userIdentity object");
            return;
        }

        if (string.IsNullOrWhiteSpace(header.UserIdentityType))
        {
            AddMalformed(output, location, "Lambda record has no userIdentity.type");
            return;
        }

        if (dismissNonChanges && Dismiss(header))
        {
            return;
        }

        CloudTrailRecord? record;
        try
        {
            record = JsonSerializer.Deserialize(text, CloudTrailJsonContext.Default.CloudTrailRecord);
        }
        catch (JsonException ex)
        {
            AddMalformed(output, location, $"Lambda record cannot be read: {FileSession.CleanMessage(ex.Message)}");
            return;
        }

        if (record?.UserIdentity is null)
        {
            AddMalformed(output, location, "Lambda record has no userIdentity object");
            return;
        }

        if (repaired)
        {
            counters.RepairedRecords++;
            record.HasReplacedText = true;
        }

        record.Raw = json.ToArray();
        output.Add(ReadItem.Lambda(location, record));
    }

    /// <summary>The detector's first gates (docs/detections.md §2), taken from the header: read-only calls and
    /// data events never alert, so they are counted without being deserialized.</summary>
    private bool Dismiss(RecordHeader header)
    {
        var api = EventNameNormalizer.Normalize(header.EventName).Api;
        if (LambdaApiCatalog.IsDataEvent(api, header.EventCategory))
        {
            counters.DismissedDataEvents++;
            return true;
        }

        if (LambdaApiCatalog.IsReadOnly(api, header.ReadOnly))
        {
            counters.DismissedReadOnly++;
            return true;
        }

        return false;
    }

    /// <summary>Lambda's event source, or an escape that could spell it: CloudTrail never escapes plain
    /// letters, but a hand-made file could, and such a record must still be read.</summary>
    private static bool MayBeLambda(ReadOnlySpan<byte> json) =>
        json.IndexOf(LambdaSource) >= 0 || json.IndexOf("\\u"u8) >= 0;

    /// <summary>A whole top-level value: a single record, an EventBridge event, a log file whose first key
    /// is not "Records", an on-failure destination record, an SQS receive-message dump, or a digest.</summary>
    public void TopLevelObject(ReadOnlySpan<byte> json, List<ReadItem> output)
    {
        if (!MayBeLambda(json))
        {
            if (json.IndexOf("\"digestStartTime\""u8) >= 0 || json.IndexOf("\"detail-type\""u8) >= 0)
            {
                counters.Skipped++;
                return;
            }

            if (json.IndexOf("\"Records\""u8) < 0 && json.IndexOf("\"Messages\""u8) < 0)
            {
                Record(json, output);
                return;
            }
        }

        var shape = TopLevelShape.Scan(json);
        if (shape.Records is { } records)
        {
            Elements(json[records], output);
        }
        else if (shape.DetailType is not null)
        {
            if (shape.DetailType == CloudTrailDetailType && shape.Detail is { } detail)
            {
                Record(json[detail], output);
            }
            else if (shape.DetailType == CloudTrailDetailType)
            {
                NotAnObject(JsonTokenType.Null, output);
            }
            else
            {
                counters.Skipped++;
            }
        }
        else if (shape.RequestPayload is { } payload)
        {
            TopLevelObject(json[payload], output);
        }
        else if (shape.Messages is { } messages)
        {
            SqsMessages(json[messages], output);
        }
        else if (shape.IsDigest)
        {
            counters.Skipped++;
        }
        else
        {
            Record(json, output);
        }
    }

    public void NotAnObject(JsonTokenType found, List<ReadItem> output) => Broken(NotAnObjectMessage(found), output);

    public static string NotAnObjectMessage(JsonTokenType found) => $"record is not a JSON object (found {Describe(found)})";

    public void Broken(string message, List<ReadItem> output)
    {
        var location = new RecordLocation(path, NextIndex++);
        counters.Records++;
        AddMalformed(output, location, message);
    }

    /// <summary>Several consecutive bad values reported as one entry at the first one's index.</summary>
    public void BrokenRun(long count, string message, List<ReadItem> output)
    {
        var location = new RecordLocation(path, NextIndex);
        NextIndex += count;
        counters.Records += count;
        counters.MalformedRecords += count;
        output.Add(ReadItem.Malformed(location, message));
    }

    private void Elements(ReadOnlySpan<byte> array, List<ReadItem> output)
    {
        var reader = new Utf8JsonReader(array, CloudTrailReader.Options);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            var kind = reader.TokenType;
            reader.Skip();
            if (kind == JsonTokenType.StartObject)
            {
                Record(array[start..(int)reader.BytesConsumed], output);
            }
            else
            {
                NotAnObject(kind, output);
            }
        }
    }

    private void SqsMessages(ReadOnlySpan<byte> array, List<ReadItem> output)
    {
        var reader = new Utf8JsonReader(array, CloudTrailReader.Options);
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var body = TopLevelShape.ReadStringProperty(array[start..(int)reader.BytesConsumed], "Body"u8);
            if (body is null)
            {
                NotAnObject(JsonTokenType.Null, output);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(body);
            if (!IsJsonObject(bytes))
            {
                Broken("SQS message body is not a JSON object", output);
                continue;
            }

            TopLevelObject(bytes, output);
        }
    }

    private static bool IsJsonObject(ReadOnlySpan<byte> json)
    {
        try
        {
            var reader = new Utf8JsonReader(json, CloudTrailReader.Options);
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && reader.TrySkip();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void AddMalformed(List<ReadItem> output, RecordLocation location, string message)
    {
        counters.MalformedRecords++;
        output.Add(ReadItem.Malformed(location, message));
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
