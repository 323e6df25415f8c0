using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace LambdaGuard.Infra.Queues;

/// <summary>
/// The three places an event can land when the detector could not handle it: the EventBridge rules' dead-letter
/// queue, the alias's async on-failure destination and the audit stream's on-failure destination. Each holds
/// records `lambdaguard replay` can redrive, so they keep messages for the SQS maximum.
/// </summary>
public sealed class FailureQueues : Construct
{
    public FailureQueues(Construct scope, string id, FailureQueuesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        RuleDeadLetterQueue = CreateQueue("RuleDeadLetterQueue", ResourceNames.RuleDeadLetterQueue, props);
        AsyncFailureQueue = CreateQueue("AsyncFailureQueue", ResourceNames.AsyncFailureQueue, props);
        StreamFailureQueue = CreateQueue("StreamFailureQueue", ResourceNames.StreamFailureQueue, props);
    }

    public Queue RuleDeadLetterQueue { get; }

    public Queue AsyncFailureQueue { get; }

    public Queue StreamFailureQueue { get; }

    public IReadOnlyList<Queue> All => [RuleDeadLetterQueue, AsyncFailureQueue, StreamFailureQueue];

    private Queue CreateQueue(string id, string name, FailureQueuesProps props) =>
        new(this, id, new QueueProps
        {
            QueueName = name,
            // SQS-managed encryption works for every writer here (EventBridge, Lambda destinations, the event
            // source mapping) without key-policy grants to service principals.
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(props.RetentionDays),
        });
}
