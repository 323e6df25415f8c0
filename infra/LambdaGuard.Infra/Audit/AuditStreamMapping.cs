using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace LambdaGuard.Infra.Audit;

/// <summary>
/// Feeds every suppression-list edit to the detector (LG011). Retries are bounded and a poison batch is split
/// until the bad record is isolated and kept, records and all, in the failure bucket, so one record cannot stall
/// the audit.
/// The stream-read grant is written here because CDK's <c>grantStreamRead</c> puts ListStreams on <c>*</c>;
/// here it is limited to this table's streams.
/// </summary>
public sealed class AuditStreamMapping : Construct
{
    public AuditStreamMapping(Construct scope, string id, AuditStreamMappingProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var streamArn = props.SuppressionsTable.TableStreamArn
            ?? throw new ArgumentException("the suppressions table must have a stream", nameof(props));

        StreamReadPolicy = new ManagedPolicy(this, "StreamReadPolicy", new ManagedPolicyProps
        {
            ManagedPolicyName = ResourceNames.DetectorPolicy(Stack.Of(this).Region, "StreamRead"),
            Description = "LambdaGuard detector: read the suppressions table stream, keep failed batches in S3",
            Roles = [props.TargetRole],
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "ReadSuppressionsStream",
                    Actions = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"],
                    Resources = [streamArn],
                }),
                // ListStreams is authorized against the table's stream/* ARN, not a stream's own ARN.
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "ListSuppressionsStreams",
                    Actions = ["dynamodb:ListStreams"],
                    Resources = [props.SuppressionsTable.TableArn + "/stream/*"],
                }),
                // Lambda names the objects (aws/lambda/<mapping>/<shard>/...), so only the bucket can be named.
                // AWS documents PutObject and ListBucket as what an S3 on-failure destination needs.
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "KeepFailedAuditBatches",
                    Actions = ["s3:PutObject"],
                    Resources = [props.FailureBucket.ArnForObjects("*")],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "ListFailedAuditBatches",
                    Actions = ["s3:ListBucket"],
                    Resources = [props.FailureBucket.BucketArn],
                }),
            ],
        });

        Mapping = new EventSourceMapping(this, "Mapping", new EventSourceMappingProps
        {
            Target = props.Target,
            EventSourceArn = streamArn,
            StartingPosition = StartingPosition.TRIM_HORIZON,
            BatchSize = props.BatchSize,
            BisectBatchOnError = true,

            // The detector answers {"batchItemFailures":[...]}: only the records it could not alert on are retried.
            ReportBatchItemFailures = true,
            RetryAttempts = props.RetryAttempts,
            MaxRecordAge = Duration.Hours(props.MaxRecordAgeHours),
        });

        // CDK 2.160's L2 accepts an S3 on-failure destination only for Kafka sources; Lambda and CloudFormation
        // accept it for DynamoDB streams, and only S3 receives the failed records themselves.
        ((CfnEventSourceMapping)Mapping.Node.DefaultChild!).DestinationConfig = new CfnEventSourceMapping.DestinationConfigProperty
        {
            OnFailure = new CfnEventSourceMapping.OnFailureProperty { Destination = props.FailureBucket.BucketArn },
        };

        // Lambda validates stream access when the mapping is created.
        Mapping.Node.AddDependency(StreamReadPolicy);
    }

    public ManagedPolicy StreamReadPolicy { get; }

    public EventSourceMapping Mapping { get; }
}
