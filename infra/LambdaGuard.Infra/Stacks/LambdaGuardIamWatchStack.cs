using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;
using Constructs;
using LambdaGuard.Infra.Alerting;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Events;

namespace LambdaGuard.Infra.Stacks;

/// <summary>
/// The IAM tamper rule when us-east-1 is not a LambdaGuard region. IAM events reach EventBridge only in
/// us-east-1 and a rule's SNS target must be in its own region, so this small stack carries its own alert topic
/// (same name, same email subscription as the regional ones), a dead-letter queue and alarms on both.
/// </summary>
public sealed class LambdaGuardIamWatchStack : Stack
{
    public LambdaGuardIamWatchStack(Construct scope, string id, LambdaGuardIamWatchStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;

        IKey? key = null;
        if (settings.KmsKey.Mode == KmsKeyMode.Create)
        {
            key = new TopicEncryptionKey(this, "TopicKey", new TopicEncryptionKeyProps()).Key;
        }

        Alerts = new AlertTopic(this, "AlertTopic", new AlertTopicProps
        {
            TopicName = ResourceNames.AlertTopic,
            DisplayName = "LambdaGuard alerts (IAM tamper)",
            EncryptionKey = key,
            EmailSubscription = settings.AlertEmail,
        });
        if (settings.AlertEmail is null)
        {
            Annotations.Of(this).AddWarning(
                $"LambdaGuard: nobody is subscribed to {ResourceNames.AlertTopic} in {IamTamperRule.Region}, where IAM " +
                "tamper alerts arrive. Deploy with -c alertEmail=you@example.com or subscribe to it yourself.");
        }

        DeadLetterQueue = new Queue(new Construct(this, "FailureQueues"), "RuleDeadLetterQueue", new QueueProps
        {
            QueueName = ResourceNames.RuleDeadLetterQueue,
            Encryption = QueueEncryption.SQS_MANAGED,
            EnforceSSL = true,
            RetentionPeriod = Duration.Days(14),
        });

        Rule = new IamTamperRule(this, "IamTamperRule", new IamTamperRuleProps
        {
            Regions = settings.Regions,
            AlertTopic = Alerts,
            DeadLetterQueue = DeadLetterQueue,
            WatchItself = true,
        });

        var fiveMinutes = Duration.Minutes(5);
        var action = new SnsAction(Alerts.Topic);
        Alarm("IamTamperFailedInvocations", "EventBridge could not deliver an IAM tamper alert to the alert topic",
            new Metric(new MetricProps
            {
                Namespace = "AWS/Events",
                MetricName = "FailedInvocations",
                DimensionsMap = new Dictionary<string, string> { ["RuleName"] = TamperRules.IamRuleName },
                Period = fiveMinutes,
                Statistic = "Sum",
            }),
            action);
        Alarm("IamTamperDeadLetterDepth", $"IAM tamper alerts are waiting in {ResourceNames.RuleDeadLetterQueue} ({IamTamperRule.Region})",
            DeadLetterQueue.MetricApproximateNumberOfMessagesVisible(new MetricOptions { Period = fiveMinutes, Statistic = "Maximum" }),
            action);

        _ = new CfnOutput(this, "AlertTopicArn", new CfnOutputProps
        {
            Value = Alerts.Topic.TopicArn,
            Description = "IAM tamper alerts for the detector roles of every LambdaGuard region",
        });
    }

    public AlertTopic Alerts { get; }

    public Queue DeadLetterQueue { get; }

    public IamTamperRule Rule { get; }

    private void Alarm(string id, string description, IMetric metric, SnsAction action)
    {
        var alarm = new Alarm(this, id, new AlarmProps
        {
            AlarmName = $"{ResourceNames.Prefix}-{id}",
            AlarmDescription = description,
            Metric = metric,
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        });
        alarm.AddAlarmAction(action);
        alarm.AddOkAction(action);
    }
}
