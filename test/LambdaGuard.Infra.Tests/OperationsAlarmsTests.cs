using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class OperationsAlarmsTests(DefaultDeploymentFixture defaults, CustomizedDeploymentFixture customized)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    private IReadOnlyList<JsonObject> Alarms =>
        [.. Resources(Default.Json(Stack), "AWS::CloudWatch::Alarm").Select(a => a.Resource["Properties"]!.AsObject())];

    private JsonObject Alarm(string name) => Alarms.Single(a => (string?)a["AlarmName"] == name);

    [Fact]
    public void Alarms_WhenSynthesized_ShouldCoverEveryWayAlertsCanGoMissing()
    {
        string[] expected =
        [
            "LambdaGuard-AsyncEventsDropped", "LambdaGuard-AsyncFailureQueueDepth", "LambdaGuard-AuditStreamIteratorAge",
            "LambdaGuard-ClaimsUnavailable", "LambdaGuard-DestinationDeliveryFailures", "LambdaGuard-DetectorErrors",
            "LambdaGuard-DetectorThrottles", "LambdaGuard-HeartbeatMissing", "LambdaGuard-IngestLag",
            "LambdaGuard-MalformedRecords", "LambdaGuard-RuleDeadLetterQueueDepth", "LambdaGuard-RuleFailedInvocations",
            "LambdaGuard-StreamFailureQueueDepth", "LambdaGuard-SuppressionCheckUnavailable",
        ];

        Assert.Equal(expected, Alarms.Select(a => (string)a["AlarmName"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Alarms_WhenSynthesized_ShouldNotifyTheOperationsTopicOnAlarmAndRecovery()
    {
        var operations = Ref(LogicalId(Stack.Operations.Topic));

        Assert.All(Alarms, a =>
        {
            Assert.True(SameJson(new JsonArray(operations.DeepClone()), a["AlarmActions"]), a.ToJsonString());
            Assert.True(SameJson(new JsonArray(operations.DeepClone()), a["OKActions"]));
        });
    }

    [Theory]
    [InlineData("LambdaGuard-DetectorErrors", "AWS/Lambda", "Errors")]
    [InlineData("LambdaGuard-DetectorThrottles", "AWS/Lambda", "Throttles")]
    [InlineData("LambdaGuard-RuleDeadLetterQueueDepth", "AWS/SQS", "ApproximateNumberOfMessagesVisible")]
    [InlineData("LambdaGuard-AsyncFailureQueueDepth", "AWS/SQS", "ApproximateNumberOfMessagesVisible")]
    [InlineData("LambdaGuard-StreamFailureQueueDepth", "AWS/SQS", "ApproximateNumberOfMessagesVisible")]
    [InlineData("LambdaGuard-DestinationDeliveryFailures", "AWS/Lambda", "DestinationDeliveryFailures")]
    [InlineData("LambdaGuard-AsyncEventsDropped", "AWS/Lambda", "AsyncEventsDropped")]
    [InlineData("LambdaGuard-MalformedRecords", "LambdaGuard", "Malformed")]
    [InlineData("LambdaGuard-SuppressionCheckUnavailable", "LambdaGuard", "SuppressionCheckUnavailable")]
    [InlineData("LambdaGuard-ClaimsUnavailable", "LambdaGuard", "ClaimsUnavailable")]
    public void Alarm_WhenSynthesized_ShouldFireOnTheFirstOccurrence(string alarmName, string metricNamespace, string metricName)
    {
        var alarm = Alarm(alarmName);

        Assert.Equal(metricNamespace, (string?)alarm["Namespace"]);
        Assert.Equal(metricName, (string?)alarm["MetricName"]);
        Assert.Equal(1, (double?)alarm["Threshold"]);
        Assert.Equal("GreaterThanOrEqualToThreshold", (string?)alarm["ComparisonOperator"]);
    }

    [Fact]
    public void AuditStreamIteratorAgeAlarm_WhenSynthesized_ShouldFireWhenSuppressionChangesAreFifteenMinutesLate()
    {
        var alarm = Alarm("LambdaGuard-AuditStreamIteratorAge");

        Assert.Equal("AWS/Lambda", (string?)alarm["Namespace"]);
        Assert.Equal("IteratorAge", (string?)alarm["MetricName"]);
        Assert.Equal("Maximum", (string?)alarm["Statistic"]);
        Assert.Equal(900_000, (double?)alarm["Threshold"]);
        Assert.Equal("GreaterThanThreshold", (string?)alarm["ComparisonOperator"]);
        Assert.True(SameJson(
            new JsonArray(new JsonObject { ["Name"] = "FunctionName", ["Value"] = Ref(LogicalId(Stack.Detector.Function)) }),
            alarm["Dimensions"]));
    }

    [Theory]
    [InlineData("LambdaGuard-MalformedRecords")]
    [InlineData("LambdaGuard-SuppressionCheckUnavailable")]
    [InlineData("LambdaGuard-ClaimsUnavailable")]
    public void DetectorMetricAlarm_WhenSynthesized_ShouldReadTheEmfServiceDimension(string alarmName)
    {
        var dimensions = Alarm(alarmName)["Dimensions"]!.AsArray().Single()!;

        Assert.Equal("Service", (string?)dimensions["Name"]);
        Assert.Equal("LambdaGuard", (string?)dimensions["Value"]);
    }

    [Fact]
    public void HeartbeatAlarm_WhenSynthesized_ShouldFireAfter25HoursWithoutAHeartbeat()
    {
        Default.Template(Stack).HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "LambdaGuard-HeartbeatMissing",
            ["Namespace"] = "LambdaGuard",
            ["MetricName"] = "Heartbeat",
            ["Dimensions"] = new object[] { new Dictionary<string, object> { ["Name"] = "Service", ["Value"] = "LambdaGuard" } },
            ["Period"] = 3600,
            ["EvaluationPeriods"] = 25,
            ["DatapointsToAlarm"] = 25,
            ["Threshold"] = 1,
            ["ComparisonOperator"] = "LessThanThreshold",
            ["TreatMissingData"] = "breaching",
        });
    }

    [Fact]
    public void HeartbeatSchedule_WhenSynthesized_ShouldInvokeTheAliasDaily()
    {
        var rule = Properties(Default.Json(Stack), LogicalId(Stack.Heartbeat.Rule));

        Assert.Equal("rate(1 day)", (string?)rule["ScheduleExpression"]);
        var target = rule["Targets"]!.AsArray().Single()!;
        Assert.True(SameJson(Ref(LogicalId(Stack.Detector.Alias)), target["Arn"]));
        Assert.NotNull(target["DeadLetterConfig"]);
    }

    [Fact]
    public void FailedInvocationsAlarm_WhenSynthesized_ShouldSumEveryLambdaGuardRule()
    {
        var metrics = Alarm("LambdaGuard-RuleFailedInvocations")["Metrics"]!.AsArray();
        var ruleNames = metrics
            .Where(m => m!["MetricStat"] is not null)
            .Select(m => (string)m!["MetricStat"]!["Metric"]!["Dimensions"]![0]!["Value"]!)
            .Order(StringComparer.Ordinal);

        string[] expected =
        [
            "LambdaGuard-AuditFailures", "LambdaGuard-CloudTrail", "LambdaGuard-Heartbeat", "LambdaGuard-Tamper-CloudTrail",
            "LambdaGuard-Tamper-CloudWatch", "LambdaGuard-Tamper-DynamoDb", "LambdaGuard-Tamper-Events",
            "LambdaGuard-Tamper-Iam", "LambdaGuard-Tamper-Lambda", "LambdaGuard-Tamper-Sns",
        ];
        Assert.Equal(expected, ruleNames);
        Assert.All(metrics.Where(m => m!["MetricStat"] is not null),
            m => Assert.Equal("FailedInvocations", (string?)m!["MetricStat"]!["Metric"]!["MetricName"]));
    }

    [Fact]
    public void IngestLagAlarm_WhenCustomized_ShouldUseTheConfiguredThreshold()
    {
        var stack = customized.Deployment.Stacks.Regional[0];

        customized.Deployment.Template(stack).HasResourceProperties("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["AlarmName"] = "LambdaGuard-IngestLag",
            ["Namespace"] = "LambdaGuard",
            ["MetricName"] = "IngestLagSeconds",
            ["Threshold"] = 600,
            ["ComparisonOperator"] = "GreaterThanThreshold",
        });
    }
}
