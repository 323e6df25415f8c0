using Amazon.CDK;
using Amazon.CDK.AWS.CloudTrail;
using Amazon.CDK.AWS.S3;
using Constructs;
using LambdaGuard.Infra.Storage;
using CloudTrailTrail = Amazon.CDK.AWS.CloudTrail.Trail;

namespace LambdaGuard.Infra.Trail;

/// <summary>
/// For accounts without a trail (-c createTrail=true): a multi-region trail of management write events, which is
/// what puts "AWS API Call via CloudTrail" events on EventBridge. Its bucket is encrypted, TLS-only, versioned,
/// access-logged and kept when the stack is deleted, because it holds the audit record.
/// </summary>
public sealed class OptionalTrail : Construct
{
    public OptionalTrail(Construct scope, string id, OptionalTrailProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        AccessLogBucket = new Bucket(this, "AccessLogBucket", RetainedBucketProps.Create());

        var bucketProps = RetainedBucketProps.Create();
        bucketProps.ServerAccessLogsBucket = AccessLogBucket;
        bucketProps.ServerAccessLogsPrefix = "trail-bucket/";
        Bucket = new Bucket(this, "Bucket", bucketProps);

        Trail = new CloudTrailTrail(this, "Trail", new TrailProps
        {
            TrailName = props.TrailName,
            Bucket = Bucket,
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            ManagementEvents = ReadWriteType.WRITE_ONLY,
            EnableFileValidation = true,
        });
    }

    public Bucket Bucket { get; }

    public Bucket AccessLogBucket { get; }

    public CloudTrailTrail Trail { get; }
}
