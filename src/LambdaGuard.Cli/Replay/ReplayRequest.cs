using LambdaGuard.Cli.Aws;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Cli.Replay;

/// <param name="Detector">The settings to judge with: the deployed ones under the command-line options, or the options alone.</param>
/// <param name="TamperTopicArn">Where tamper events are republished, over the target their message names (default: that target, else the alert topic).</param>
public sealed record ReplayRequest(
    IReadOnlyList<string> Paths,
    string SuppressionsTable,
    string ClaimsTable,
    string TopicArn,
    AwsConnectionOptions Connection,
    bool CreateTables,
    bool Jsonl,
    DetectorSettings Detector,
    string? TamperTopicArn = null,
    TimeSpan? CallBudget = null);
