using System.Text.Json.Serialization;

namespace LambdaGuard.Cli.Replay;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ReplayJsonContext : JsonSerializerContext;
