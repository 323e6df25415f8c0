using LambdaGuard.Core.Ports;

namespace LambdaGuard.Cli.Replay;

/// <summary>What replay talks to: the deployed tables and topic (or emulators), or in-memory fakes in tests.</summary>
/// <param name="TopicPublisher">A publisher for another topic (a tamper event goes back to the topic its rule targets); null: tamper events are reported, not redriven.</param>
/// <param name="TamperTopicArn">Where tamper events go, over the target their DLQ message names (--tamper-topic-arn).</param>
/// <param name="AlertTopicArn">Where tamper events go when neither the option nor the message names a topic: the
/// alert topic, which the regional tamper rules target.</param>
/// <param name="ReadObject">Reads an <c>s3://bucket/key</c> object (audit-failure batches); null: reported, not redriven.</param>
public sealed record ReplayPorts(
    ISuppressionSource Suppressions,
    IAlertClaims Claims,
    IAlertPublisher Publisher,
    Func<string, IAlertPublisher>? TopicPublisher = null,
    string? TamperTopicArn = null,
    string? AlertTopicArn = null,
    Func<Uri, CancellationToken, Task<byte[]>>? ReadObject = null);
