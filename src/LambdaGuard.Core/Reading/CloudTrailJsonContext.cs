using System.Text.Json.Serialization;

namespace LambdaGuard.Core.Reading;

[JsonSourceGenerationOptions(
    Converters = [typeof(LenientStringConverter), typeof(LenientBooleanConverter)],
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(CloudTrailRecord))]
[JsonSerializable(typeof(UserIdentity))]
[JsonSerializable(typeof(SessionContext))]
[JsonSerializable(typeof(SessionIssuer))]
[JsonSerializable(typeof(SessionAttributes))]
[JsonSerializable(typeof(OnBehalfOf))]
[JsonSerializable(typeof(string))]
public sealed partial class CloudTrailJsonContext : JsonSerializerContext;
