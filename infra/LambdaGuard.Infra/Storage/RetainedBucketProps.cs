using Amazon.CDK;
using Amazon.CDK.AWS.S3;

namespace LambdaGuard.Infra.Storage;

/// <summary>
/// The settings every LambdaGuard bucket shares, because each holds a record a security team must not lose:
/// encrypted, no public access, TLS-only, versioned, owner-enforced and kept when the stack is deleted.
/// </summary>
public static class RetainedBucketProps
{
    public static BucketProps Create() => new()
    {
        Encryption = BucketEncryption.S3_MANAGED,
        BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
        EnforceSSL = true,
        Versioned = true,
        ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
        RemovalPolicy = RemovalPolicy.RETAIN,
    };
}
