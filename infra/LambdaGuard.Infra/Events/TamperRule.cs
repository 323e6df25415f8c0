using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace LambdaGuard.Infra.Events;

/// <summary>
/// Turning LambdaGuard off must not be silent, and the detector cannot be trusted to report its own removal.
/// This rule goes straight from EventBridge to the alert topic through an input transformer, with no Lambda in
/// between, for changes to LambdaGuard's rules and targets, topics and subscriptions, tables, the detector
/// function and its stream mapping, its alarms, and any trail being stopped, deleted or narrowed.
/// It is written as an L1 rule so the topic grant can be pinned to this rule's ARN (the L2 SNS target grants
/// every EventBridge rule in every account).
/// </summary>
public sealed class TamperRule : Construct
{
    public const string MessageSchema = "lambdaguard.tamper/v1";

    public const string InputTemplate =
        "{\"schema\":\"" + MessageSchema + "\",\"severity\":\"Critical\"," +
        "\"title\":\"LambdaGuard safeguard changed: <eventName>\"," +
        "\"summary\":\"<eventName> (<eventSource>) touched a LambdaGuard safeguard in account <account>, region " +
        "<region>, at <time>. Unless this was a LambdaGuard deployment, check who made the call and that the " +
        "detector still runs.\"," +
        "\"event\":<aws.events.event.json>}";

    public TamperRule(Construct scope, string id, TamperRuleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);

        Rule = new CfnRule(this, "Rule", new CfnRuleProps
        {
            Name = ResourceNames.TamperRule,
            Description = "LambdaGuard: changes to LambdaGuard itself or to CloudTrail, straight to the alert topic",
            State = "ENABLED",
            EventPattern = Pattern(props),
            Targets = new object[]
            {
                new CfnRule.TargetProperty
                {
                    Id = "AlertTopic",
                    Arn = props.AlertTopic.Topic.TopicArn,
                    InputTransformer = new CfnRule.InputTransformerProperty
                    {
                        InputPathsMap = new Dictionary<string, string>
                        {
                            ["eventName"] = "$.detail.eventName",
                            ["eventSource"] = "$.detail.eventSource",
                            ["account"] = "$.account",
                            ["region"] = "$.region",
                            ["time"] = "$.time",
                        },
                        InputTemplate = InputTemplate,
                    },
                    RetryPolicy = new CfnRule.RetryPolicyProperty
                    {
                        MaximumRetryAttempts = DetectorTargetOptions.RetryAttempts,
                        MaximumEventAgeInSeconds = DetectorTargetOptions.MaxEventAgeHours * 3600,
                    },
                    DeadLetterConfig = new CfnRule.DeadLetterConfigProperty { Arn = props.DeadLetterQueue.QueueArn },
                },
            },
        });

        props.AlertTopic.AllowEventBridgeRule("AllowTamperRule", Rule.AttrArn);
        props.DeadLetterQueue.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowTamperRuleDeadLetters",
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["sqs:SendMessage"],
            Resources = [props.DeadLetterQueue.QueueArn],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = Rule.AttrArn },
            },
        }));
    }

    public CfnRule Rule { get; }

    private static Dictionary<string, object> Pattern(TamperRuleProps props)
    {
        var topicArns = props.ProtectedTopics.Select(t => (object)t.TopicArn).ToArray();
        var subscriptionPrefixes = props.ProtectedTopics.Select(t => Prefix(t.TopicArn + ":")).ToArray();
        var tableArnPrefixes = props.ProtectedTableArns.Select(Prefix).ToArray();

        return new Dictionary<string, object>
        {
            ["source"] = new[] { "aws.events", "aws.sns", "aws.dynamodb", "aws.cloudtrail", "aws.lambda", "aws.monitoring" },
            ["detail-type"] = new[] { "AWS API Call via CloudTrail" },
            ["detail"] = new Dictionary<string, object>
            {
                ["$or"] = new object[]
                {
                    Branch("events.amazonaws.com", ["PutRule", "DeleteRule", "DisableRule"], "name", [.. props.ProtectedRuleNames]),
                    Branch("events.amazonaws.com", ["PutTargets", "RemoveTargets"], "rule", [.. props.ProtectedRuleNames]),
                    Branch(
                        "sns.amazonaws.com",
                        ["DeleteTopic", "SetTopicAttributes", "AddPermission", "RemovePermission", "Subscribe",
                            "PutDataProtectionPolicy"],
                        "topicArn",
                        topicArns),
                    Branch("sns.amazonaws.com", ["Unsubscribe", "SetSubscriptionAttributes"], "subscriptionArn", subscriptionPrefixes),
                    Branch(
                        "dynamodb.amazonaws.com",
                        ["DeleteTable", "UpdateTable", "UpdateTimeToLive", "UpdateContinuousBackups",
                            "EnableKinesisStreamingDestination", "UpdateKinesisStreamingDestination",
                            "DisableKinesisStreamingDestination"],
                        "tableName",
                        [.. props.ProtectedTableNames]),
                    Branch("dynamodb.amazonaws.com", ["PutResourcePolicy", "DeleteResourcePolicy"], "resourceArn", tableArnPrefixes),
                    new Dictionary<string, object>
                    {
                        ["eventSource"] = new[] { "cloudtrail.amazonaws.com" },
                        ["eventName"] = new[] { "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors" },
                    },
                    Branch(
                        "lambda.amazonaws.com",
                        [Prefix("UpdateFunction"), Prefix("DeleteFunction"), Prefix("PutFunction"), Prefix("UpdateAlias"),
                            Prefix("DeleteAlias"), Prefix("AddPermission"), Prefix("RemovePermission")],
                        "functionName",
                        [Wildcard($"*{props.DetectorFunctionName}*")]),
                    Branch(
                        "lambda.amazonaws.com",
                        [Prefix("UpdateEventSourceMapping"), Prefix("DeleteEventSourceMapping")],
                        "uUID",
                        [props.AuditMappingId]),
                    Branch(
                        "monitoring.amazonaws.com",
                        ["DeleteAlarms", "DisableAlarmActions"],
                        "alarmNames",
                        [Prefix(ResourceNames.Prefix + "-")]),
                    Branch("monitoring.amazonaws.com", ["PutMetricAlarm"], "alarmName", [Prefix(ResourceNames.Prefix + "-")]),
                },
            },
        };
    }

    private static Dictionary<string, object> Branch(
        string eventSource, object[] eventNames, string parameter, object[] values) =>
        new()
        {
            ["eventSource"] = new[] { eventSource },
            ["eventName"] = eventNames,
            ["requestParameters"] = new Dictionary<string, object> { [parameter] = values },
        };

    private static Dictionary<string, object> Prefix(string value) => new() { ["prefix"] = value };

    private static Dictionary<string, object> Wildcard(string value) => new() { ["wildcard"] = value };
}
