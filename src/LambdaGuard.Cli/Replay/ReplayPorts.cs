using LambdaGuard.Core.Ports;

namespace LambdaGuard.Cli.Replay;

/// <summary>What replay talks to: the deployed tables and topic (or emulators), or in-memory fakes in tests.</summary>
/// <param name="TopicPublisher">A publisher for another topic (a tamper event goes back to the topic its rule targets); null: tamper events are reported, not redriven.</param>
/// <param name="TamperTopicArn">Where tamper events go when their DLQ message does not name the target.</param>
/// <param name="ReadObject">Reads an <c>s3://bucket/key</c> object (audit-failure batches); null: reported, not redriven.</param>
public sealed record ReplayPorts(
    ISuppressionSource Suppressions,
    IAlertClaims Claims,
    IAlertPublisher Publisher,
    Func<string, IAlertPublisher>? TopicPublisher = null,
    string? TamperTopicArn = null,
    Func<Uri, CancellationToken, Task<byte[]>>? ReadObject = null);
