using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
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

        // With kmsKey=true the alert topics and the operations topic get separate keys: disabling one key must not
        // silence both the alerts and the alarms that would report it.
        IKey? alertKey = null;
        IKey? operationsKey = null;
        if (settings.KmsKey.Mode == KmsKeyMode.Create)
        {
            TopicKey = new TopicEncryptionKey(this, "TopicKey", new TopicEncryptionKeyProps());
            OperationsKey = new TopicEncryptionKey(this, "OperationsKey", new TopicEncryptionKeyProps
            {
                Alias = "alias/lambdaguard-operations",
                Description = "LambdaGuard: encrypts the operations (alarm) topic",
            });
            alertKey = TopicKey.Key;
            operationsKey = OperationsKey.Key;
        }
        else if (settings.KmsKey.Mode == KmsKeyMode.Existing)
        {
            alertKey = Key.FromKeyArn(this, "ImportedTopicKey", settings.KmsKey.KeyArn!);
            operationsKey = alertKey;
        }

        Alerts = new AlertTopic(this, "AlertTopic", new AlertTopicProps
        {
            TopicName = ResourceNames.AlertTopic,
            DisplayName = "LambdaGuard alerts",
            EncryptionKey = alertKey,
            EmailSubscription = settings.AlertEmail,
        });
        Operations = new AlertTopic(this, "OperationsTopic", new AlertTopicProps
        {
            TopicName = ResourceNames.OperationsTopic,
            DisplayName = "LambdaGuard operations",
            EncryptionKey = operationsKey,
            EmailSubscription = settings.OperationsEmail,
        });
        AlertJson = new AlertTopic(this, "AlertJsonTopic", new AlertTopicProps
        {
            TopicName = ResourceNames.AlertJsonTopic,
            DisplayName = "LambdaGuard alerts (alert JSON for https subscribers)",
            EncryptionKey = alertKey,
        });
        WarnWithoutSubscriber(settings);

        Detector = new DetectorFunction(this, "Detector", new DetectorFunctionProps
        {
            Source = props.FunctionSource,
            SuppressionsTable = Tables.Suppressions,
            ClaimsTable = Tables.Claims,
            AlertTopic = Alerts.Topic,
            AlertJsonTopic = AlertJson.Topic,
            AlertTopicKey = alertKey,
            OnFailureQueue = Queues.AsyncFailureQueue,
            MemorySize = settings.MemorySize,
            TimeoutSeconds = settings.TimeoutSeconds,
            ReservedConcurrency = settings.ReservedConcurrency,
            SnapStart = settings.SnapStart,
            LogRetentionDays = settings.LogRetentionDays,
            HumanRoles = settings.HumanRoles,
            TrustedAccounts = settings.TrustedAccounts,
            TrustedOrgId = settings.TrustedOrgId,
            OwnFunction = settings.OwnFunction,
            SecurityHub = settings.SecurityHub,
            SuppressionCacheSeconds = settings.SuppressionCacheSeconds,
        });
        TopicKey?.AllowPublisher(Detector.Role);

        // The same grants again in the resource policies, so detaching the execution policy alone stops neither
        // publishing nor parking the failed event.
        Alerts.AllowPublisher("AllowDetectorPublish", Detector.Role);
        AlertJson.AllowPublisher("AllowDetectorPublish", Detector.Role);
        Queues.AsyncFailureQueue.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "AllowDetectorAsyncFailures",
            Principals = [new ArnPrincipal(Detector.Role.RoleArn)],
            Actions = ["sqs:SendMessage"],
            Resources = [Queues.AsyncFailureQueue.QueueArn],
        }));

        AuditFailures = new AuditFailureBucket(this, "AuditFailures", new AuditFailureBucketProps
        {
            Writer = Detector.Role,
            AnnouncementQueue = Queues.StreamFailureQueue,
            DeadLetterQueue = Queues.RuleDeadLetterQueue,
        });
        AuditStream = new AuditStreamMapping(this, "AuditStream", new AuditStreamMappingProps
        {
            SuppressionsTable = Tables.Suppressions,
            Target = Detector.Alias,
            TargetRole = Detector.Role,
            FailureBucket = AuditFailures.Bucket,
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

        var watchesIam = Region == IamTamperRule.Region;
        List<string> detectorRuleNames = [ResourceNames.CloudTrailRule, ResourceNames.HeartbeatRule, ResourceNames.AuditFailureRule];
        if (watchesIam)
        {
            detectorRuleNames.Add(TamperRules.IamRuleName);
        }

        Tamper = new TamperRules(this, "TamperRules", new TamperRulesProps
        {
            AlertTopic = Alerts,
            ProtectedTopics = [Alerts.Topic, Operations.Topic, AlertJson.Topic],
            ProtectedKeyIds = settings.KmsKey.Mode switch
            {
                KmsKeyMode.Create => [TopicKey!.Key.KeyId, OperationsKey!.Key.KeyId],
                KmsKeyMode.Existing => [settings.KmsKey.KeyArn![(settings.KmsKey.KeyArn!.LastIndexOf('/') + 1)..]],
                _ => [],
            },
            ProtectedTableNames = [ResourceNames.SuppressionsTable, ResourceNames.ClaimsTable],
            ProtectedTableArns = [Tables.Suppressions.TableArn, Tables.Claims.TableArn],
            ProtectedRuleNames = [.. detectorRuleNames],
            DetectorFunctionName = ResourceNames.DetectorFunction,
            AuditMappingId = AuditStream.Mapping.EventSourceMappingId,
            DeadLetterQueue = Queues.RuleDeadLetterQueue,
        });

        if (watchesIam)
        {
            IamTamper = new IamTamperRule(this, "IamTamperRule", new IamTamperRuleProps
            {
                Regions = settings.Regions,
                AlertTopic = Alerts,
                DeadLetterQueue = Queues.RuleDeadLetterQueue,
            });
        }

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
            RuleNames = [.. detectorRuleNames, .. Tamper.RuleNames],
            IngestLagAlarmSeconds = settings.IngestLagAlarmSeconds,
        });

        Parameter("SuppressionsTableParameter", ResourceNames.SuppressionsTableParameter, Tables.Suppressions.TableName,
            "LambdaGuard suppressions table (read by lambdaguard suppressions)");
        Parameter("ClaimsTableParameter", ResourceNames.ClaimsTableParameter, Tables.Claims.TableName,
            "LambdaGuard alert claims table");
        Parameter("AlertTopicArnParameter", ResourceNames.AlertTopicArnParameter, Alerts.Topic.TopicArn,
            "LambdaGuard alert topic (lambdaguard test-alert --topic-arn)");

        _ = new StringParameter(this, "DetectorSettingsParameter", new StringParameterProps
        {
            ParameterName = ResourceNames.DetectorSettingsParameter,
            StringValue = DetectorSettingsJson(settings),
            Description = "LambdaGuard detector settings (lambdaguard replay judges with them by default)",
        });

        Output("AlertTopicArn", Alerts.Topic.TopicArn, "Subscribe security tooling here (alerts and tamper alerts)");
        Output("AlertJsonTopicArn", AlertJson.Topic.TopicArn, "Subscribe https endpoints that want the alert JSON (PagerDuty, webhooks)");
        Output("AuditFailureBucketName", AuditFailures.Bucket.BucketName, "Failed suppression-audit batches, records included");
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

    public TopicEncryptionKey? OperationsKey { get; }

    public AlertTopic AlertJson { get; }

    public AuditFailureBucket AuditFailures { get; }

    public IamTamperRule? IamTamper { get; }

    public AlertTopic Alerts { get; }

    public AlertTopic Operations { get; }

    public DetectorFunction Detector { get; }

    public AuditStreamMapping AuditStream { get; }

    public CloudTrailRule CloudTrail { get; }

    public HeartbeatSchedule Heartbeat { get; }

    public TamperRules Tamper { get; }

    public OperationsAlarms Alarms { get; }

    // The names and shape replay reads (docs/interfaces.md): one JSON document, the same settings as the function's.
    public static string DetectorSettingsJson(InfraSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return JsonSerializer.Serialize(new JsonObject
        {
            ["ownFunction"] = settings.OwnFunction,
            ["humanRoles"] = new JsonArray([.. settings.HumanRoles.Select(r => JsonValue.Create(r))]),
            ["trustedAccounts"] = new JsonArray([.. settings.TrustedAccounts.Select(a => JsonValue.Create(a))]),
            ["trustedOrganizationId"] = settings.TrustedOrgId,
        });
    }

    // A topic nobody reads turns every alert into silence; synth says so rather than deploying it quietly.
    // (operationsEmail defaults to alertEmail, so with an alertEmail both topics have a subscriber.)
    private void WarnWithoutSubscriber(InfraSettings settings)
    {
        if (settings.AlertEmail is null)
        {
            Annotations.Of(this).AddWarning(
                $"LambdaGuard: nobody is subscribed to the alert topic {ResourceNames.AlertTopic}" +
                (settings.OperationsEmail is null ? $" or the operations topic {ResourceNames.OperationsTopic}" : string.Empty) +
                ": alerts and alarms reach no one. Deploy with -c alertEmail=you@example.com (and -c operationsEmail=...), " +
                "or subscribe chat, a pager or a SIEM queue yourself (docs/deploy.md#subscribe).");
        }
    }

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
