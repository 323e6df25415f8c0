using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SQS;
using Amazon.CDK.AWS.SSM;
using Constructs;
using LambdaGuard.Infra.Alerting;
using LambdaGuard.Infra.Audit;
using LambdaGuard.Infra.Configuration;
using LambdaGuard.Infra.Detector;
using LambdaGuard.Infra.Events;
using LambdaGuard.Infra.Monitoring;
using LambdaGuard.Infra.Queues;
using LambdaGuard.Infra.Storage;

namespace LambdaGuard.Infra.Stacks;

/// <summary>Everything LambdaGuard runs in one region: rules, detector, tables, topics, queues and alarms.</summary>
public sealed class LambdaGuardRegionalStack : Stack
{
    public LambdaGuardRegionalStack(Construct scope, string id, LambdaGuardRegionalStackProps props)
        : base(scope, id, props)
    {
        ArgumentNullException.ThrowIfNull(props);
        var settings = props.Settings;

        Queues = new FailureQueues(this, "FailureQueues", new FailureQueuesProps());
        Tables = new SuppressionTables(this, "Tables", new SuppressionTablesProps());

        IKey? topicKey = null;
        if (settings.KmsKey.Mode == KmsKeyMode.Create)
        {
            TopicKey = new TopicEncryptionKey(this, "TopicKey", new TopicEncryptionKeyProps());
            topicKey = TopicKey.Key;
        }
        else if (settings.KmsKey.Mode == KmsKeyMode.Existing)
        {
            topicKey = Key.FromKeyArn(this, "ImportedTopicKey", settings.KmsKey.KeyArn!);
        }

        Alerts = new AlertTopic(this, "AlertTopic", new AlertTopicProps
        {
            TopicName = ResourceNames.AlertTopic,
            DisplayName = "LambdaGuard alerts",
            EncryptionKey = topicKey,
            EmailSubscription = settings.AlertEmail,
        });
        Operations = new AlertTopic(this, "OperationsTopic", new AlertTopicProps
        {
            TopicName = ResourceNames.OperationsTopic,
            DisplayName = "LambdaGuard operations",
            EncryptionKey = topicKey,
            EmailSubscription = settings.OperationsEmail,
        });

        Detector = new DetectorFunction(this, "Detector", new DetectorFunctionProps
        {
            Source = props.FunctionSource,
            SuppressionsTable = Tables.Suppressions,
            ClaimsTable = Tables.Claims,
            AlertTopic = Alerts.Topic,
            AlertTopicKey = topicKey,
            OnFailureQueue = Queues.AsyncFailureQueue,
            MemorySize = settings.MemorySize,
            TimeoutSeconds = settings.TimeoutSeconds,
            ReservedConcurrency = settings.ReservedConcurrency,
            SnapStart = settings.SnapStart,
            LogRetentionDays = settings.LogRetentionDays,
            HumanRoles = settings.HumanRoles,
            TrustedAccounts = settings.TrustedAccounts,
            TrustedOrgId = settings.TrustedOrgId,
            SuppressionCacheSeconds = settings.SuppressionCacheSeconds,
        });
        TopicKey?.AllowPublisher(Detector.Role);

        AuditStream = new AuditStreamMapping(this, "AuditStream", new AuditStreamMappingProps
        {
            SuppressionsTable = Tables.Suppressions,
            Target = Detector.Alias,
            TargetRole = Detector.Role,
            OnFailureQueue = Queues.StreamFailureQueue,
        });

        CloudTrail = new CloudTrailRule(this, "CloudTrailRule", new CloudTrailRuleProps
        {
            Target = Detector.Alias,
            DeadLetterQueue = Queues.RuleDeadLetterQueue,
        });
        Heartbeat = new HeartbeatSchedule(this, "Heartbeat", new HeartbeatScheduleProps
        {
            Target = Detector.Alias,
            DeadLetterQueue = Queues.RuleDeadLetterQueue,
        });

        string[] detectorRuleNames = [ResourceNames.CloudTrailRule, ResourceNames.HeartbeatRule];
        Tamper = new TamperRules(this, "TamperRules", new TamperRulesProps
        {
            AlertTopic = Alerts,
            ProtectedTopics = [Alerts.Topic, Operations.Topic],
            ProtectedTableNames = [ResourceNames.SuppressionsTable, ResourceNames.ClaimsTable],
            ProtectedTableArns = [Tables.Suppressions.TableArn, Tables.Claims.TableArn],
            ProtectedRuleNames = detectorRuleNames,
            DetectorFunctionName = ResourceNames.DetectorFunction,
            AuditMappingId = AuditStream.Mapping.EventSourceMappingId,
            DeadLetterQueue = Queues.RuleDeadLetterQueue,
        });

        Alarms = new OperationsAlarms(this, "Alarms", new OperationsAlarmsProps
        {
            Detector = Detector.Function,
            OperationsTopic = Operations.Topic,
            FailureQueues = new Dictionary<string, IQueue>
            {
                ["RuleDeadLetterQueue"] = Queues.RuleDeadLetterQueue,
                ["AsyncFailureQueue"] = Queues.AsyncFailureQueue,
                ["StreamFailureQueue"] = Queues.StreamFailureQueue,
            },
            RuleNames = [.. detectorRuleNames, .. TamperRules.RuleNames],
            IngestLagAlarmSeconds = settings.IngestLagAlarmSeconds,
        });

        Parameter("SuppressionsTableParameter", ResourceNames.SuppressionsTableParameter, Tables.Suppressions.TableName,
            "LambdaGuard suppressions table (read by lambdaguard suppressions)");
        Parameter("ClaimsTableParameter", ResourceNames.ClaimsTableParameter, Tables.Claims.TableName,
            "LambdaGuard alert claims table");
        Parameter("AlertTopicArnParameter", ResourceNames.AlertTopicArnParameter, Alerts.Topic.TopicArn,
            "LambdaGuard alert topic (lambdaguard test-alert --topic-arn)");

        Output("AlertTopicArn", Alerts.Topic.TopicArn, "Subscribe security tooling here (alerts and tamper alerts)");
        Output("OperationsTopicArn", Operations.Topic.TopicArn, "Subscribe operators here (alarms)");
        Output("SuppressionsTableName", Tables.Suppressions.TableName, "Suppression list");
        Output("ClaimsTableName", Tables.Claims.TableName, "Alert claims");
        Output("DetectorFunctionName", Detector.Function.FunctionName, "Detector function (invoked via alias live)");
        Output("DetectorRoleArn", Detector.Role.RoleArn, "Detector execution role (grant it your own KMS key, if any)");
        Output("RuleDeadLetterQueueUrl", Queues.RuleDeadLetterQueue.QueueUrl, "Events EventBridge could not deliver");
        Output("AsyncFailureQueueUrl", Queues.AsyncFailureQueue.QueueUrl, "Events the detector failed on");
        Output("StreamFailureQueueUrl", Queues.StreamFailureQueue.QueueUrl, "Suppression-stream batches that failed");
    }

    public FailureQueues Queues { get; }

    public SuppressionTables Tables { get; }

    public TopicEncryptionKey? TopicKey { get; }

    public AlertTopic Alerts { get; }

    public AlertTopic Operations { get; }

    public DetectorFunction Detector { get; }

    public AuditStreamMapping AuditStream { get; }

    public CloudTrailRule CloudTrail { get; }

    public HeartbeatSchedule Heartbeat { get; }

    public TamperRules Tamper { get; }

    public OperationsAlarms Alarms { get; }

    private void Parameter(string id, string name, string value, string description) =>
        _ = new StringParameter(this, id, new StringParameterProps
        {
            ParameterName = name,
            StringValue = value,
            Description = description,
        });

    private void Output(string id, string value, string description) =>
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}
