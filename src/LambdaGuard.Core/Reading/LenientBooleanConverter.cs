using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaGuard.Core.Reading;

/// <summary>CloudTrail writes some flags as strings (<c>"mfaAuthenticated": "true"</c>,
/// <c>"sessionCredentialFromConsole": "true"</c>) and others as JSON booleans; accept both.</summary>
public sealed class LenientBooleanConverter : JsonConverter<bool?>
{
    public override bool HandleNull => true;

    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RecordHeader.LenientFlag(ref reader);

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteBooleanValue(value.Value);
        }
    }
}
