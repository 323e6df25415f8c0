using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SQS;
using Constructs;

namespace LambdaGuard.Infra.Events;

/// <summary>
/// Turning LambdaGuard off must not be silent, and the detector cannot be trusted to report its own removal.
/// These rules go straight from EventBridge to the alert topic through an input transformer, with no Lambda in
/// between, for changes to LambdaGuard's rules and targets, topics and subscriptions, tables, the detector
/// function and its stream mapping, its alarms, and any trail being stopped, deleted or narrowed.
/// One rule per watched service keeps each pattern under EventBridge's 2,048-character pattern quota once the
/// ARNs are filled in. They are L1 rules so the topic grant can be pinned to these rules' ARNs (the L2 SNS
/// target grants every EventBridge rule in every account).
/// </summary>
public sealed class TamperRules : Construct
{
    public const string MessageSchema = "lambdaguard.tamper/v1";

    public const string InputTemplate =
        "{\"schema\":\"" + MessageSchema + "\",\"severity\":\"Critical\"," +
        "\"title\":\"LambdaGuard safeguard changed: <eventName>\"," +
        "\"summary\":\"<eventName> (<eventSource>) touched a LambdaGuard safeguard in account <account>, region " +
        "<region>, at <time>. Unless this was a LambdaGuard deployment, check who made the call and that the " +
        "detector still runs.\"," +
        "\"event\":<aws.events.event.json>}";

    public static readonly IReadOnlyList<string> AlwaysWatchedServices =
        ["Events", "Sns", "DynamoDb", "CloudTrail", "Lambda", "CloudWatch"];

    // The us-east-1 IAM rule (IamTamperRule) lives in another construct, and in another stack when us-east-1 is
    // not a LambdaGuard region; its name is protected and alarmed on here too.
    public static readonly string IamRuleName = ResourceNames.TamperRulePrefix + "Iam";

    public TamperRules(Construct scope, string id, TamperRulesProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);

        // KMS is watched only where LambdaGuard's topics have a customer key.
        List<string> watched = [.. AlwaysWatchedServices];
        if (props.ProtectedKeyIds.Count > 0)
        {
            watched.Add("Kms");
        }

        RuleNames = [.. watched.Select(s => ResourceNames.TamperRulePrefix + s)];

        var patterns = new Dictionary<string, Dictionary<string, object>>
        {
            ["Events"] = EventsPattern([.. props.ProtectedRuleNames, .. RuleNames]),
            ["Sns"] = SnsPattern(props),
            ["DynamoDb"] = DynamoDbPattern(props),
            ["CloudTrail"] = CloudTrailPattern(),
            ["Lambda"] = LambdaPattern(props),
            ["CloudWatch"] = CloudWatchPattern(),
            ["Kms"] = KmsPattern(props),
        };

        var rules = new List<CfnRule>();
        foreach (var service in watched)
        {
            rules.Add(new CfnRule(this, service, new CfnRuleProps
            {
                Name = ResourceNames.TamperRulePrefix + service,
                Description = $"LambdaGuard tamper alarm ({service}): straight to the alert topic, no Lambda in between",
                State = "ENABLED",
                EventPattern = patterns[service],
                Targets = new object[] { TopicTarget(props.AlertTopic.Topic.TopicArn, props.DeadLetterQueue.QueueArn) },
            }));
        }

        Rules = rules;
        var ruleArns = rules.Select(r => (object)r.AttrArn).ToArray();

        props.AlertTopic.AllowEventBridgeRules("AllowTamperRules", ruleArns);
        AllowDeadLetters(props.DeadLetterQueue, "AllowTamperRuleDeadLetters", ruleArns);
    }

    /// <summary>Lets EventBridge park a tamper rule's undeliverable events in the dead-letter queue, only for the
    /// given rule ARN(s).</summary>
    internal static void AllowDeadLetters(Queue queue, string sid, object sourceArns) =>
        queue.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = sid,
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["sqs:SendMessage"],
            Resources = [queue.QueueArn],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object> { ["aws:SourceArn"] = sourceArns },
            },
        }));

    public IReadOnlyList<CfnRule> Rules { get; }

    public IReadOnlyList<string> RuleNames { get; }

    internal static CfnRule.TargetProperty TopicTarget(string topicArn, string deadLetterQueueArn) => new()
    {
        Id = "AlertTopic",
        Arn = topicArn,
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
        DeadLetterConfig = new CfnRule.DeadLetterConfigProperty { Arn = deadLetterQueueArn },
    };

    private static Dictionary<string, object> EventsPattern(object[] ruleNames) => Pattern(["aws.events"], RuleChangeBranches(ruleNames));

    /// <summary>Disabling, deleting or changing the named rules, and retargeting them.</summary>
    internal static Dictionary<string, object>[] RuleChangeBranches(object[] ruleNames) =>
    [
        Branch("events.amazonaws.com", ["PutRule", "DeleteRule", "DisableRule"], "name", ruleNames),
        Branch("events.amazonaws.com", ["PutTargets", "RemoveTargets"], "rule", ruleNames),
    ];

    private static Dictionary<string, object> SnsPattern(TamperRulesProps props) =>
        Pattern(
            ["aws.sns"],
            Branch(
                "sns.amazonaws.com",
                ["DeleteTopic", "SetTopicAttributes", "AddPermission", "RemovePermission", "Subscribe",
                    "PutDataProtectionPolicy"],
                "topicArn",
                [.. props.ProtectedTopics.Select(t => (object)t.TopicArn)]),
            // Subscription ARNs are the topic ARN plus ":" and an id.
            Branch(
                "sns.amazonaws.com",
                ["Unsubscribe", "SetSubscriptionAttributes"],
                "subscriptionArn",
                [.. props.ProtectedTopics.Select(t => Prefix(t.TopicArn + ":"))]));

    private static Dictionary<string, object> DynamoDbPattern(TamperRulesProps props) =>
        Pattern(
            ["aws.dynamodb"],
            Branch(
                "dynamodb.amazonaws.com",
                ["DeleteTable", "UpdateTable", "UpdateTimeToLive", "UpdateContinuousBackups",
                    "EnableKinesisStreamingDestination", "UpdateKinesisStreamingDestination",
                    "DisableKinesisStreamingDestination"],
                "tableName",
                [.. props.ProtectedTableNames]),
            Branch(
                "dynamodb.amazonaws.com",
                ["PutResourcePolicy", "DeleteResourcePolicy"],
                "resourceArn",
                [.. props.ProtectedTableArns.Select(Prefix)]));

    // Any trail: stopping or narrowing whichever trail feeds EventBridge blinds the detector.
    private static Dictionary<string, object> CloudTrailPattern() =>
        Pattern(
            ["aws.cloudtrail"],
            new Dictionary<string, object>
            {
                ["eventSource"] = new[] { "cloudtrail.amazonaws.com" },
                ["eventName"] = new[] { "StopLogging", "DeleteTrail", "UpdateTrail", "PutEventSelectors" },
            });

    // Lambda event names carry an API-version suffix (UpdateFunctionConfiguration20150331v2), hence prefixes;
    // functionName may be a name or an ARN, hence the wildcard.
    private static Dictionary<string, object> LambdaPattern(TamperRulesProps props) =>
        Pattern(
            ["aws.lambda"],
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
                [props.AuditMappingId]));

    // CloudWatch API calls arrive with source aws.cloudwatch; aws.monitoring is accepted as well.
    private static Dictionary<string, object> CloudWatchPattern() =>
        Pattern(
            ["aws.cloudwatch", "aws.monitoring"],
            Branch("monitoring.amazonaws.com", ["DeleteAlarms", "DisableAlarmActions"], "alarmNames",
                [Prefix(ResourceNames.Prefix + "-")]),
            Branch("monitoring.amazonaws.com", ["PutMetricAlarm"], "alarmName", [Prefix(ResourceNames.Prefix + "-")]));

    // Key APIs take a key id or a key ARN, both of which end with the key id; aliases are LambdaGuard's own.
    private static Dictionary<string, object> KmsPattern(TamperRulesProps props) =>
        Pattern(
            ["aws.kms"],
            Branch(
                "kms.amazonaws.com",
                ["DisableKey", "ScheduleKeyDeletion", "PutKeyPolicy", "DisableKeyRotation", "CreateGrant"],
                "keyId",
                [.. props.ProtectedKeyIds.Select(Suffix)]),
            Branch(
                "kms.amazonaws.com",
                ["DeleteAlias", "UpdateAlias"],
                "aliasName",
                [Prefix("alias/lambdaguard")]));

    internal static Dictionary<string, object> Pattern(string[] sources, params Dictionary<string, object>[] branches) =>
        new()
        {
            ["source"] = sources,
            ["detail-type"] = new[] { "AWS API Call via CloudTrail" },
            ["detail"] = branches.Length == 1 ? branches[0] : new Dictionary<string, object> { ["$or"] = branches },
        };

    internal static Dictionary<string, object> Branch(
        string eventSource, object[] eventNames, string parameter, object[] values) =>
        new()
        {
            ["eventSource"] = new[] { eventSource },
            ["eventName"] = eventNames,
            ["requestParameters"] = new Dictionary<string, object> { [parameter] = values },
        };

    internal static Dictionary<string, object> Prefix(string value) => new() { ["prefix"] = value };

    private static Dictionary<string, object> Suffix(string value) => new() { ["suffix"] = value };

    private static Dictionary<string, object> Wildcard(string value) => new() { ["wildcard"] = value };
}
