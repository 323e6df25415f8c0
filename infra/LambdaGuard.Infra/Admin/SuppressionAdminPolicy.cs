using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace LambdaGuard.Infra.Admin;

/// <summary>
/// What the admin commands need and nothing else, in every configured region: item edits on the suppressions
/// table (`lambdaguard suppressions`), a scan of the claims table (`lambdaguard coverage` lists the spokes'
/// heartbeats kept there) and reading the stack's SSM parameters. Attach it to the people or roles who may
/// silence findings: they are the ones who need to see which accounts and regions are covered. Every edit they
/// make is still audited by LG011 through the table's stream.
/// </summary>
public sealed class SuppressionAdminPolicy : Construct
{
    public static readonly string[] TableActions =
        ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:Query"];

    public static readonly string[] ClaimsTableActions = ["dynamodb:Scan"];

    public static readonly string[] ParameterActions = ["ssm:GetParameter"];

    public SuppressionAdminPolicy(Construct scope, string id, SuppressionAdminPolicyProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Policy = new ManagedPolicy(this, "Policy", new ManagedPolicyProps
        {
            ManagedPolicyName = props.PolicyName,
            // Kept as first deployed: a new description replaces the policy, which its fixed name makes fail.
            Description = "LambdaGuard: edit the suppression list (lambdaguard suppressions) in every LambdaGuard region",
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "EditSuppressions",
                    Actions = TableActions,
                    Resources = [.. props.Regions.Select(SuppressionsTableArn)],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "ListCoverage",
                    Actions = ClaimsTableActions,
                    Resources = [.. props.Regions.Select(ClaimsTableArn)],
                }),
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "ReadLambdaGuardParameters",
                    Actions = ParameterActions,
                    Resources = [.. props.Regions.SelectMany(r => ResourceNames.SsmParameters.Select(p => ParameterArn(r, p)))],
                }),
            ],
        });

        _ = new CfnOutput(this, "PolicyArn", new CfnOutputProps
        {
            Description = "Managed policy for LambdaGuard admins (lambdaguard suppressions, lambdaguard coverage)",
            Value = Policy.ManagedPolicyArn,
            ExportName = ResourceNames.SuppressionAdminPolicyExport,
        });
    }

    public ManagedPolicy Policy { get; }

    public static string SuppressionsTableArn(string region) =>
        $"arn:{Aws.PARTITION}:dynamodb:{region}:{Aws.ACCOUNT_ID}:table/{ResourceNames.SuppressionsTable}";

    public static string ClaimsTableArn(string region) =>
        $"arn:{Aws.PARTITION}:dynamodb:{region}:{Aws.ACCOUNT_ID}:table/{ResourceNames.ClaimsTable}";

    // Parameter names start with '/', which the ARN's "parameter" segment already supplies.
    public static string ParameterArn(string region, string parameterName) =>
        $"arn:{Aws.PARTITION}:ssm:{region}:{Aws.ACCOUNT_ID}:parameter{parameterName}";
}
