using LambdaGuard.Cli.Aws;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Cli.Replay;

public sealed record ReplayRequest(
    IReadOnlyList<string> Paths,
    string SuppressionsTable,
    string ClaimsTable,
    string TopicArn,
    AwsConnectionOptions Connection,
    bool CreateTables,
    bool Jsonl,
    DetectorSettings Detector);
