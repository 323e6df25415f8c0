using System.Text.Json;

namespace LambdaGuard.Core.Reading;

/// <summary>The few top-level fields that decide whether a record needs reading at all, taken from its
/// raw bytes by one tokenizer pass that skips every nested value except <c>userIdentity</c>'s own keys.
/// Each field is converted exactly as <see cref="CloudTrailJsonContext"/> would (lenient strings and
/// booleans, escaped names, the last of duplicate keys), so a decision taken from the header is the one
/// the full record would get.</summary>
internal readonly record struct RecordHeader(
    bool IsLambda,
    string? EventName,
    string? EventCategory,
    string? EventType,
    bool? ReadOnly,
    bool HasUserIdentity,
    string? UserIdentityType)
{
    public static RecordHeader Scan(ReadOnlySpan<byte> json)
    {
        var isLambda = false;
        string? eventName = null, eventCategory = null, eventType = null, identityType = null;
        bool? readOnly = null;
        var hasIdentity = false;

        var reader = new Utf8JsonReader(json, CloudTrailReader.Options);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Match(ref reader);
            reader.Read();
            switch (field)
            {
                case HeaderField.EventSource:
                    isLambda = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("lambda.amazonaws.com"u8);
                    reader.Skip();
                    break;
                case HeaderField.EventName:
                    eventName = LenientText(ref reader);
                    break;
                case HeaderField.EventCategory:
                    eventCategory = LenientText(ref reader);
                    break;
                case HeaderField.EventType:
                    eventType = LenientText(ref reader);
                    break;
                case HeaderField.ReadOnly:
                    readOnly = LenientFlag(ref reader);
                    break;
                case HeaderField.UserIdentity:
                    hasIdentity = reader.TokenType == JsonTokenType.StartObject;
                    identityType = hasIdentity ? IdentityType(ref reader) : null;
                    if (!hasIdentity)
                    {
                        reader.Skip();
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new RecordHeader(isLambda, eventName, eventCategory, eventType, readOnly, hasIdentity, identityType);
    }

    /// <summary>The same header from the spans <see cref="StructuralCut"/> noted while cutting
    /// <paramref name="json"/>, without tokenizing it again. Only for a record the cut vouched for: valid
    /// UTF-8, strict JSON, no <c>\u</c> escapes, so raw bytes compare exactly as unescaped text would.</summary>
    public static RecordHeader FromCut(ReadOnlySpan<byte> json, in HeaderSpans spans)
    {
        var identity = spans.UserIdentity;
        var hasIdentity = identity.Length > 0 && json[identity.Start] == (byte)'{';
        return new RecordHeader(
            IsLambda: IsLambdaSource(json, spans),
            EventName: LenientText(Raw(json, spans.EventName)),
            EventCategory: LenientText(Raw(json, spans.EventCategory)),
            EventType: LenientText(Raw(json, spans.EventType)),
            ReadOnly: LenientFlag(Raw(json, spans.ReadOnly)),
            HasUserIdentity: hasIdentity,
            UserIdentityType: hasIdentity ? LenientText(Raw(json, spans.IdentityType)) : null);
    }

    /// <summary>The cut's <see cref="IsLambda"/> alone: no other escape can spell Lambda's event source.</summary>
    public static bool IsLambdaSource(ReadOnlySpan<byte> json, in HeaderSpans spans) =>
        Raw(json, spans.EventSource).SequenceEqual("\"lambda.amazonaws.com\""u8);

    private static ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> json, (int Start, int Length) span) =>
        span.Length == 0 ? default : json.Slice(span.Start, span.Length);

    /// <summary><see cref="LenientText(ref Utf8JsonReader)"/> of one raw value.</summary>
    private static string? LenientText(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return null;
        }

        switch (value[0])
        {
            case (byte)'"':
                var inner = value[1..^1];
                if (inner.IndexOf((byte)'\\') < 0)
                {
                    return System.Text.Encoding.UTF8.GetString(inner);
                }

                var reader = new Utf8JsonReader(value, CloudTrailReader.Options);
                reader.Read();
                return reader.GetString();
            case (byte)'t':
                return "true";
            case (byte)'f':
                return "false";
            case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                return System.Text.Encoding.UTF8.GetString(value);
            default:
                return null;
        }
    }

    private static bool? LenientFlag(ReadOnlySpan<byte> value) => value.IsEmpty
        ? null
        : value[0] switch
        {
            (byte)'t' => true,
            (byte)'f' => false,
            (byte)'"' => bool.TryParse(LenientText(value), out var flag) ? flag : null,
            _ => null,
        };

    /// <summary>As <see cref="LenientStringConverter"/>: text for strings, numbers and booleans, null for
    /// anything else (and for a string that cannot be decoded, which <see cref="TextRepair"/> prevents).</summary>
    public static string? LenientText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return null;
                }

            case JsonTokenType.Number:
                return reader.HasValueSequence
                    ? System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence))
                    : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            default:
                reader.Skip();
                return null;
        }
    }

    /// <summary>As <see cref="LenientBooleanConverter"/>.</summary>
    public static bool? LenientFlag(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.String:
                return bool.TryParse(LenientText(ref reader), out var value) ? value : null;
            default:
                reader.Skip();
                return null;
        }
    }

    private static string? IdentityType(ref Utf8JsonReader reader)
    {
        string? type = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
            {
                type = LenientText(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return type;
    }

    private static HeaderField Match(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("eventSource"u8))
        {
            return HeaderField.EventSource;
        }

        if (reader.ValueTextEquals("eventName"u8))
        {
            return HeaderField.EventName;
        }

        if (reader.ValueTextEquals("eventCategory"u8))
        {
            return HeaderField.EventCategory;
        }

        if (reader.ValueTextEquals("eventType"u8))
        {
            return HeaderField.EventType;
        }

        if (reader.ValueTextEquals("readOnly"u8))
        {
            return HeaderField.ReadOnly;
        }

        return reader.ValueTextEquals("userIdentity"u8) ? HeaderField.UserIdentity : HeaderField.None;
    }
}
