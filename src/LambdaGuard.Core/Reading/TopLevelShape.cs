using System.Text.Json;

namespace LambdaGuard.Core.Reading;

/// <summary>The top-level keys that tell the input formats apart, with the byte ranges of the nested values
/// the reader descends into.</summary>
internal readonly record struct TopLevelShape(
    Range? Records,
    Range? Detail,
    string? DetailType,
    Range? RequestPayload,
    Range? Messages,
    bool IsDigest)
{
    public static TopLevelShape Scan(ReadOnlySpan<byte> json)
    {
        Range? records = null, detail = null, payload = null, messages = null;
        string? detailType = null;
        var digest = false;

        var reader = new Utf8JsonReader(json, CloudTrailReader.Options);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.ValueSpan;
            var escaped = reader.ValueIsEscaped;
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            var token = reader.TokenType;
            reader.Skip();
            var range = new Range(start, (int)reader.BytesConsumed);
            if (escaped)
            {
                continue;
            }

            if (key.SequenceEqual("Records"u8) && token == JsonTokenType.StartArray)
            {
                records = range;
            }
            else if (key.SequenceEqual("detail"u8) && token == JsonTokenType.StartObject)
            {
                detail = range;
            }
            else if (key.SequenceEqual("detail-type"u8))
            {
                detailType = token == JsonTokenType.String ? DecodeString(json[range]) : string.Empty;
            }
            else if (key.SequenceEqual("requestPayload"u8) && token == JsonTokenType.StartObject)
            {
                payload = range;
            }
            else if (key.SequenceEqual("Messages"u8) && token == JsonTokenType.StartArray)
            {
                messages = range;
            }
            else if (key.SequenceEqual("digestStartTime"u8))
            {
                digest = true;
            }
        }

        return new TopLevelShape(records, detail, detailType, payload, messages, digest);
    }

    public static string? ReadStringProperty(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
    {
        var reader = new Utf8JsonReader(json, CloudTrailReader.Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(name);
            reader.Read();
            if (match)
            {
                return reader.TokenType == JsonTokenType.String ? RecordHeader.LenientText(ref reader) : null;
            }

            reader.Skip();
        }

        return null;
    }

    private static string DecodeString(ReadOnlySpan<byte> token)
    {
        var reader = new Utf8JsonReader(token, CloudTrailReader.Options);
        reader.Read();
        return RecordHeader.LenientText(ref reader) ?? string.Empty;
    }
}
