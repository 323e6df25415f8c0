using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;
using LambdaGuard.Infra.Storage;

namespace LambdaGuard.Infra.Audit;

/// <summary>
/// Where the audit stream mapping parks a batch it gave up on. An SQS destination would receive only the shard
/// and sequence numbers, which the stream forgets after 24 hours; an S3 destination receives the records
/// themselves, so `lambdaguard replay` can redrive a failed LG011 audit for as long as the failure queues keep
/// messages. Every new object is announced through EventBridge on the stream-failure queue, whose depth alarm
/// fires on the first one. The announcement uses the bucket's EventBridge switch on the L1 resource: CDK's L2
/// switch deploys a notification-handler Lambda with an AWS managed policy.
/// </summary>
public sealed class AuditFailureBucket : Construct
{
    public AuditFailureBucket(Construct scope, string id, AuditFailureBucketProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        // Versioned (RetainedBucketProps): versions keep a batch even if an object is overwritten or deleted before
        // it was redriven.
        var bucketProps = RetainedBucketProps.Create();
        bucketProps.LifecycleRules =
        [
            new LifecycleRule
            {
                Id = "KeepAsLongAsTheFailureQueues",
                Expiration = Duration.Days(props.RetentionDays),
                NoncurrentVersionExpiration = Duration.Days(props.RetentionDays),
                AbortIncompleteMultipartUploadAfter = Duration.Days(1),
            },
        ];
        Bucket = new Bucket(this, "Bucket", bucketProps);
        ((CfnBucket)Bucket.Node.DefaultChild!).NotificationConfiguration = new CfnBucket.NotificationConfigurationProperty
        {
            EventBridgeConfiguration = new CfnBucket.EventBridgeConfigurationProperty { EventBridgeEnabled = true },
        };

        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowDetectorToKeepFailedBatches",
            Principals = [new ArnPrincipal(props.Writer.RoleArn)],
            Actions = ["s3:PutObject"],
            Resources = [Bucket.ArnForObjects("*")],
        }));
        Bucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowDetectorToListFailedBatches",
            Principals = [new ArnPrincipal(props.Writer.RoleArn)],
            Actions = ["s3:ListBucket"],
            Resources = [Bucket.BucketArn],
        }));

        ObjectCreatedRule = new Rule(this, "ObjectCreatedRule", new RuleProps
        {
            RuleName = ResourceNames.AuditFailureRule,
            Description = "LambdaGuard: a failed audit batch was kept in S3; announce it on the stream-failure queue",
            EventPattern = new EventPattern
            {
                Source = ["aws.s3"],
                DetailType = ["Object Created"],
                Detail = new Dictionary<string, object>
                {
                    ["bucket"] = new Dictionary<string, object> { ["name"] = new[] { Bucket.BucketName } },
                },
            },
        });
        ObjectCreatedRule.AddTarget(new SqsQueue(props.AnnouncementQueue, new SqsQueueProps
        {
            DeadLetterQueue = props.DeadLetterQueue,
            RetryAttempts = 8,
            MaxEventAge = Duration.Hours(4),
        }));
    }

    public Bucket Bucket { get; }

    public Rule ObjectCreatedRule { get; }
}
