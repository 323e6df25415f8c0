using System.Text.Json.Serialization;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Function.Envelope;

// Lenient strings: a number where a string belongs degrades one field instead of failing the whole batch.
[JsonSourceGenerationOptions(
    Converters = [typeof(LenientStringConverter)],
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(InvocationEnvelope))]
[JsonSerializable(typeof(BatchItemFailuresResponse))]
[JsonSerializable(typeof(BatchItemFailure))]
internal sealed partial class EnvelopeJsonContext : JsonSerializerContext;
