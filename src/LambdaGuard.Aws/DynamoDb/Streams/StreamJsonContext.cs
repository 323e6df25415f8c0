using System.Text.Json.Serialization;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Aws.DynamoDb.Streams;

// Lenient strings, as the function reads its envelope: a number where a string belongs degrades one field.
[JsonSourceGenerationOptions(
    Converters = [typeof(LenientStringConverter)],
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(List<StreamRecord?>))]
public sealed partial class StreamJsonContext : JsonSerializerContext;
