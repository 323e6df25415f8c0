using Amazon.CDK;
using Constructs;
using LambdaGuard.Infra.Admin;
using LambdaGuard.Infra.Trail;

namespace LambdaGuard.Infra.Stacks;

/// <summary>What exists once per account: the suppression-admin managed policy and, on request, the trail.</summary>
public sealed class LambdaGuardGlobalStack : Stack
{
    public LambdaGuardGlobalStack(Construct scope, string id, LambdaGuardGlobalStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        AdminPolicy = new SuppressionAdminPolicy(this, "SuppressionAdminPolicy", new SuppressionAdminPolicyProps
        {
            Regions = props.Settings.Regions,
        });

        if (props.Settings.CreateTrail)
        {
            Trail = new OptionalTrail(this, "Trail", new OptionalTrailProps());
            _ = new CfnOutput(this, "TrailArn", new CfnOutputProps
            {
                Description = "Multi-region trail created for LambdaGuard",
                Value = Trail.Trail.TrailArn,
            });
            _ = new CfnOutput(this, "TrailBucketName", new CfnOutputProps
            {
                Description = "Bucket holding the trail's logs (retained on stack deletion)",
                Value = Trail.Bucket.BucketName,
            });
        }
    }

    public SuppressionAdminPolicy AdminPolicy { get; }

    public OptionalTrail? Trail { get; }
}
