using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudFormation;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Constructs;
using LambdaGuard.Infra.Events;
using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;

namespace LambdaGuard.Infra.Organization;

/// <summary>
/// Added to the home-region detector stack when it serves more than its own region (docs/organization.md): the
/// bus the spokes send to (the organization bus, or the home region's default bus for one account), the
/// detector and heartbeat rules on it, tamper rules for the forwarding path, the hourly quiet-spoke check and,
/// for an organization, the service-managed StackSet that rolls the spokes out.
/// </summary>
public sealed class DetectorHub : Construct
{
    public const string QuietMinutesVariable = "LAMBDAGUARD_COVERAGE_QUIET_MINUTES";

    // The attributes the quiet-spoke scan reads (LambdaGuard.Aws SpokeSignalAttributes; the infra cannot reference it).
    public static readonly string[] SpokeSignalScanAttributes = ["alertId", "account", "region", "lastSignalMs", "quietAlertedMs"];

    public DetectorHub(Construct scope, string id, DetectorHubProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;
        var organization = settings.Mode == DeploymentMode.OrganizationCentral;
        var detector = DetectorTargetOptions.For(props.Detector.Alias, props.DeadLetterQueue);

        // Null: the default bus (one account, whose home-region default bus is the hub).
        IEventBus? hubBus = null;
        if (organization)
        {
            Bus = new EventBus(this, "Bus", new EventBusProps { EventBusName = ForwardingNames.OrganizationBus });
            BusPolicy = new CfnEventBusPolicy(this, "BusPolicy", new CfnEventBusPolicyProps
            {
                EventBusName = Bus.EventBusName,
                StatementId = "LambdaGuardForwardersOfTheOrganization",
                Statement = new Dictionary<string, object>
                {
                    ["Sid"] = "LambdaGuardForwardersOfTheOrganization",
                    ["Effect"] = "Allow",
                    ["Principal"] = "*",
                    ["Action"] = "events:PutEvents",
                    ["Resource"] = Bus.EventBusArn,
                    ["Condition"] = new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["aws:PrincipalOrgID"] = settings.OrganizationId! },
                        ["ArnLike"] = new Dictionary<string, object>
                        {
                            ["aws:PrincipalArn"] = $"arn:{Aws.PARTITION}:iam::*:role/{ForwardingNames.ForwarderRolePrefix}*",
                        },
                    },
                },
            });
            hubBus = Bus;

            // The organization's Lambda calls reach the detector through this rule; the central account's own
            // home-region calls keep arriving through the default-bus rule of the detector stack.
            CloudTrailOnBus = new Rule(this, "CloudTrailRule", new RuleProps
            {
                RuleName = ForwardingNames.HubCloudTrailRule,
                Description = "LambdaGuard: Lambda API calls forwarded by the organization's accounts and regions to the detector",
                EventBus = Bus,
                EventPattern = CloudTrailRule.Pattern,
            });
            CloudTrailOnBus.AddTarget(detector);
        }
        else
        {
            // One account: the home region's default bus is the hub, so its heartbeat needs no forwarding.
            HomeHeartbeat = new SpokeForwarding(this, "HomeHeartbeat", new SpokeForwardingProps());
        }

        Heartbeats = new Rule(this, "HeartbeatRule", new RuleProps
        {
            RuleName = ForwardingNames.HubHeartbeatRule,
            Description = "LambdaGuard: spoke heartbeats to the detector (coverage)",
            EventBus = hubBus,
            EventPattern = new EventPattern
            {
                Source = [ForwardingNames.HeartbeatSource],
                DetailType = [ForwardingNames.HeartbeatDetailType],
            },
        });
        Heartbeats.AddTarget(detector);

        CoverageCheck = new Rule(this, "CoverageCheckRule", new RuleProps
        {
            RuleName = ForwardingNames.HubCoverageCheckRule,
            Description = "LambdaGuard: hourly check for accounts and regions that stopped sending heartbeats",
            Schedule = Schedule.Rate(Duration.Hours(1)),
        });
        CoverageCheck.AddTarget(detector);

        var tamperRules = new List<CfnRule>
        {
            TamperRule(
                "ForwardingTamperRule",
                ForwardingNames.HubTamperRule,
                Bus?.EventBusName,
                ForwardingPatterns.Tamper(ForwardingNames.SpokeRuleNames, includeSchedule: true),
                props),
        };
        if (organization)
        {
            tamperRules.Add(TamperRule(
                "SelfTamperRule",
                ForwardingNames.HubSelfTamperRule,
                null,
                HubSelfTamperPattern(),
                props));
        }

        TamperRules = tamperRules;
        var ruleArns = tamperRules.Select(r => (object)r.AttrArn).ToArray();
        props.AlertTopic.AllowEventBridgeRules("AllowHubTamperRules", ruleArns);
        Events.TamperRules.AllowDeadLetters(props.DeadLetterQueue, "AllowHubTamperRuleDeadLetters", ruleArns);

        // Signals live in the alert-claims table under their own key prefix; listing them needs Scan, which no key
        // condition can narrow, so the scan may return only the signal attributes (the adapter projects exactly
        // these). Named under the detector prefix so the IAM tamper rule sees a new version of it.
        CoveragePolicy = new ManagedPolicy(this, "CoveragePolicy", new ManagedPolicyProps
        {
            ManagedPolicyName = ResourceNames.DetectorPolicy(Stack.Of(this).Region, "Coverage"),
            Description = "LambdaGuard detector: list the last signal of every account and region (quiet-spoke check)",
            Roles = [props.Detector.Role],
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = "ListSpokeSignals",
                    Actions = ["dynamodb:Scan"],
                    Resources = [props.ClaimsTable.TableArn],
                    Conditions = new Dictionary<string, object>
                    {
                        ["StringEquals"] = new Dictionary<string, object> { ["dynamodb:Select"] = "SPECIFIC_ATTRIBUTES" },
                        ["ForAllValues:StringEquals"] = new Dictionary<string, object>
                        {
                            ["dynamodb:Attributes"] = SpokeSignalScanAttributes,
                        },
                    },
                }),
            ],
        });
        props.Detector.Function.AddEnvironment(
            QuietMinutesVariable, (settings.QuietHours * 60).ToString(CultureInfo.InvariantCulture));

        if (organization)
        {
            StackSet = new MemberStackSet(this, "Members", new MemberStackSetProps
            {
                Settings = settings,
                CentralBusArn = Bus!.EventBusArn,
            });
        }
    }

    public EventBus? Bus { get; }

    public CfnEventBusPolicy? BusPolicy { get; }

    public Rule? CloudTrailOnBus { get; }

    public SpokeForwarding? HomeHeartbeat { get; }

    public Rule Heartbeats { get; }

    public Rule CoverageCheck { get; }

    public IReadOnlyList<CfnRule> TamperRules { get; }

    public ManagedPolicy CoveragePolicy { get; }

    public MemberStackSet? StackSet { get; }

    private CfnRule TamperRule(string id, string name, string? busName, Dictionary<string, object> pattern, DetectorHubProps props) =>
        new(this, id, new CfnRuleProps
        {
            Name = name,
            Description = "LambdaGuard tamper alarm (forwarding path): straight to the alert topic, no Lambda in between",
            EventBusName = busName,
            State = "ENABLED",
            EventPattern = pattern,
            Targets = new object[] { Events.TamperRules.TopicTarget(props.AlertTopic.Topic.TopicArn, props.DeadLetterQueue.QueueArn) },
        });

    // The hub's own rules, the organization bus and its policy, and the StackSet, in the central account.
    private static Dictionary<string, object> HubSelfTamperPattern()
    {
        var rules = ForwardingPatterns.Tamper(ForwardingNames.HubRuleNames, includeSchedule: false);
        var detail = (Dictionary<string, object>)rules["detail"];
        var branches = ((Dictionary<string, object>[])detail["$or"]).ToList();
        branches.Add(new Dictionary<string, object>
        {
            ["eventSource"] = new[] { "events.amazonaws.com" },
            ["eventName"] = new[] { "DeleteEventBus", "UpdateEventBus", "PutPermission", "RemovePermission" },
            ["requestParameters"] = new Dictionary<string, object>
            {
                ["eventBusName"] = new[] { ForwardingNames.OrganizationBus },
            },
        });
        branches.Add(new Dictionary<string, object>
        {
            ["eventSource"] = new[] { "cloudformation.amazonaws.com" },
            ["eventName"] = new[] { "DeleteStackSet", "UpdateStackSet", "DeleteStackInstances", "UpdateStackInstances" },
            ["requestParameters"] = new Dictionary<string, object>
            {
                ["stackSetName"] = new[] { ForwardingNames.MemberStackSet },
            },
        });
        rules["source"] = new[] { "aws.events", "aws.cloudformation" };
        detail["$or"] = branches.ToArray();
        return rules;
    }
}
