using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaGuard.Core.Reading;

/// <summary>Strings as logs really hold them: numbers and booleans become their text (account ids written as
/// numbers), objects and arrays become null rather than an error, and so does a string that cannot be decoded.</summary>
public sealed class LenientStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RecordHeader.LenientText(ref reader);

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
