using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LambdaGuard.Core.Reading;

/// <summary>Reads a nested object, or null when the log holds anything else there (a string, a number):
/// one odd field must not cost the whole record.</summary>
public sealed class LenientObjectConverter<T> : JsonConverter<T>
    where T : class
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        var typeInfo = (JsonTypeInfo<T>)CloudTrailJsonContext.Default.GetTypeInfo(typeof(T))!;
        return JsonSerializer.Deserialize(ref reader, typeInfo);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var typeInfo = (JsonTypeInfo<T>)CloudTrailJsonContext.Default.GetTypeInfo(typeof(T))!;
        JsonSerializer.Serialize(writer, value, typeInfo);
    }
}
