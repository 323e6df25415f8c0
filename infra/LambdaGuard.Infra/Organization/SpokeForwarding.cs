using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Scheduler;
using Constructs;
using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;

namespace LambdaGuard.Infra.Organization;

/// <summary>
/// What runs in a spoke (a member account, the management account, or a non-home region of one account): two
/// EventBridge rules on the default bus sending to the central bus, and an hourly heartbeat. Nothing else runs
/// there, no function and no table.
/// <list type="bullet">
/// <item>The forward rule matches the detector's Lambda pattern, the heartbeat, and changes to the guard rule.</item>
/// <item>The guard rule matches changes to the forward rule and the heartbeat schedule. A disabled rule cannot
/// forward its own DisableRule call, so each rule reports the other's.</item>
/// <item>The heartbeat is an EventBridge Scheduler schedule putting an event on the default bus, so it proves the
/// very path the Lambda events take (a classic scheduled rule only reaches its own targets).</item>
/// </list>
/// </summary>
public sealed class SpokeForwarding : Construct
{
    public SpokeForwarding(Construct scope, string id, SpokeForwardingProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        var defaultBusArn = $"arn:{Aws.PARTITION}:events:{Aws.REGION}:{Aws.ACCOUNT_ID}:event-bus/default";

        if (props.CentralBusArn is { } busArn)
        {
            ForwarderRole = new Role(this, "ForwarderRole", new RoleProps
            {
                RoleName = ForwardingNames.ForwarderRolePrefix + Aws.REGION,
                Description = "LambdaGuard: lets this region's forwarding rules put events on the central LambdaGuard bus",
                AssumedBy = ServiceWithinAccount("events.amazonaws.com"),
                InlinePolicies = new Dictionary<string, PolicyDocument>
                {
                    ["PutOnCentralBus"] = Document("PutOnCentralBus", busArn),
                },
            });

            ForwardRule = Rule(
                "ForwardRule",
                ForwardingNames.ForwardRule,
                "LambdaGuard: Lambda API calls, heartbeats and guard-rule changes to the central LambdaGuard bus",
                ForwardingPatterns.AnyOf(
                    ForwardingPatterns.LambdaApiCalls(),
                    ForwardingPatterns.Heartbeat(),
                    ForwardingPatterns.Tamper([ForwardingNames.GuardRule], includeSchedule: false)),
                busArn,
                ForwarderRole);

            GuardRule = Rule(
                "GuardRule",
                ForwardingNames.GuardRule,
                "LambdaGuard: reports changes to the forward rule and the heartbeat schedule to the central LambdaGuard bus",
                ForwardingPatterns.Tamper([ForwardingNames.ForwardRule], includeSchedule: true),
                busArn,
                ForwarderRole);
        }

        HeartbeatRole = new Role(this, "HeartbeatRole", new RoleProps
        {
            RoleName = ForwardingNames.HeartbeatRolePrefix + Aws.REGION,
            Description = "LambdaGuard: lets the heartbeat schedule put its event on this region's default bus",
            AssumedBy = ServiceWithinAccount("scheduler.amazonaws.com"),
            InlinePolicies = new Dictionary<string, PolicyDocument>
            {
                ["PutOnDefaultBus"] = Document("PutOnDefaultBus", defaultBusArn),
            },
        });

        Heartbeat = new CfnSchedule(this, "Heartbeat", new CfnScheduleProps
        {
            Name = ForwardingNames.HeartbeatSchedule,
            Description = "LambdaGuard: proves this account and region still forward to the central detector",
            ScheduleExpression = $"rate({props.HeartbeatMinutes} minutes)",
            FlexibleTimeWindow = new CfnSchedule.FlexibleTimeWindowProperty { Mode = "OFF" },
            State = "ENABLED",
            Target = new CfnSchedule.TargetProperty
            {
                Arn = defaultBusArn,
                RoleArn = HeartbeatRole.RoleArn,
                Input = ForwardingNames.HeartbeatDetail,
                EventBridgeParameters = new CfnSchedule.EventBridgeParametersProperty
                {
                    Source = ForwardingNames.HeartbeatSource,
                    DetailType = ForwardingNames.HeartbeatDetailType,
                },
            },
        });
    }

    public Role? ForwarderRole { get; }

    public CfnRule? ForwardRule { get; }

    public CfnRule? GuardRule { get; }

    public Role HeartbeatRole { get; }

    public CfnSchedule Heartbeat { get; }

    private CfnRule Rule(string id, string name, string description, Dictionary<string, object> pattern, string busArn, Role role) =>
        new(this, id, new CfnRuleProps
        {
            Name = name,
            Description = description,
            State = "ENABLED",
            EventPattern = pattern,
            Targets = new object[]
            {
                new CfnRule.TargetProperty { Id = "CentralBus", Arn = busArn, RoleArn = role.RoleArn },
            },
        });

    // Confused-deputy guard: only this account's rules and schedules may use the role.
    private static ServicePrincipal ServiceWithinAccount(string service) =>
        new(service, new ServicePrincipalOpts
        {
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
            },
        });

    private static PolicyDocument Document(string sid, string busArn) =>
        new(new PolicyDocumentProps
        {
            Statements =
            [
                new PolicyStatement(new PolicyStatementProps
                {
                    Sid = sid,
                    Actions = ["events:PutEvents"],
                    Resources = [busArn],
                }),
            ],
        });
}
