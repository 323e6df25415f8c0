using Amazon.CDK.AWS.CloudFormation;
using Constructs;

namespace LambdaGuard.Infra.Organization;

/// <summary>
/// Rolls the member template out to every account of the target OUs and every member region, and to accounts
/// that join those OUs later (auto-deployment). Service-managed StackSets never reach the management account;
/// it gets the LambdaGuard-Management-* stacks instead. From a delegated administrator, CallAs must be
/// DELEGATED_ADMIN (-c callAs=DELEGATED_ADMIN).
/// </summary>
public sealed class MemberStackSet : Construct
{
    public MemberStackSet(Construct scope, string id, MemberStackSetProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;
        TemplateBody = MemberTemplate.Synthesize();

        StackSet = new CfnStackSet(this, "StackSet", new CfnStackSetProps
        {
            StackSetName = ForwardingNames.MemberStackSet,
            Description = "LambdaGuard members: forward Lambda API calls and heartbeats to the central LambdaGuard bus",
            PermissionModel = "SERVICE_MANAGED",
            CallAs = settings.CallAs,
            AutoDeployment = new CfnStackSet.AutoDeploymentProperty
            {
                Enabled = true,
                // An account that leaves the OUs stops forwarding; nothing of LambdaGuard is left behind in it.
                RetainStacksOnAccountRemoval = false,
            },
            Capabilities = ["CAPABILITY_NAMED_IAM"],
            // A plain map: the typed property is serialized with a lower-case "active", which CloudFormation ignores.
            ManagedExecution = new Dictionary<string, object> { ["Active"] = true },
            OperationPreferences = new CfnStackSet.OperationPreferencesProperty
            {
                RegionConcurrencyType = "PARALLEL",
                MaxConcurrentPercentage = 25,
                FailureTolerancePercentage = 10,
            },
            Parameters = new object[]
            {
                new CfnStackSet.ParameterProperty
                {
                    ParameterKey = LambdaGuardSpokeStack.CentralBusArnParameter,
                    ParameterValue = props.CentralBusArn,
                },
            },
            StackInstancesGroup = new object[]
            {
                new CfnStackSet.StackInstancesProperty
                {
                    DeploymentTargets = new CfnStackSet.DeploymentTargetsProperty
                    {
                        OrganizationalUnitIds = [.. settings.MemberOrganizationalUnits],
                    },
                    Regions = [.. settings.MemberRegions],
                },
            },
            TemplateBody = TemplateBody,
        });
    }

    public string TemplateBody { get; }

    public CfnStackSet StackSet { get; }
}
