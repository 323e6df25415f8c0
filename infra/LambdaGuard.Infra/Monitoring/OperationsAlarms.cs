using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Constructs;

namespace LambdaGuard.Infra.Monitoring;

/// <summary>
/// Everything that means "alerts may be going missing", sent to the operations topic (alarm and recovery).
/// Thresholds are "any": one error, one throttle, one parked message or one failed rule delivery is worth a look
/// for a security control that normally sees a handful of events a day.
/// </summary>
public sealed class OperationsAlarms : Construct
{
    private readonly SnsAction action;
    private readonly List<Alarm> alarms = [];

    public OperationsAlarms(Construct scope, string id, OperationsAlarmsProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        action = new SnsAction(props.OperationsTopic);
        var fiveMinutes = Duration.Minutes(5);

        Add("DetectorErrors", "The LambdaGuard detector failed an invocation", props.Detector.MetricErrors(
            new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }), 1);
        Add("DetectorThrottles", "The LambdaGuard detector was throttled", props.Detector.MetricThrottles(
            new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }), 1);

        foreach (var (name, queue) in props.FailureQueues)
        {
            Add($"{name}Depth", $"Events are waiting in {name}: redrive them with `lambdaguard replay`",
                queue.MetricApproximateNumberOfMessagesVisible(
                    new MetricOptions { Period = fiveMinutes, Statistic = "Maximum" }), 1);
        }

        foreach (var ruleName in props.RuleNames)
        {
            Add($"{ruleName.Replace(ResourceNames.Prefix + "-", string.Empty, StringComparison.Ordinal)}RuleFailedInvocations",
                $"EventBridge could not deliver events of rule {ruleName}",
                new Metric(new MetricProps
                {
                    Namespace = "AWS/Events",
                    MetricName = "FailedInvocations",
                    DimensionsMap = new Dictionary<string, string> { ["RuleName"] = ruleName },
                    Period = fiveMinutes,
                    Statistic = "Sum",
                }), 1);
        }

        Add("IngestLag", $"CloudTrail events reach the detector more than {props.IngestLagAlarmSeconds} s late",
            LambdaGuardMetric("IngestLagSeconds", fiveMinutes, "Maximum"),
            props.IngestLagAlarmSeconds, evaluationPeriods: 3, ComparisonOperator.GREATER_THAN_THRESHOLD);

        // Hourly periods so the 25-hour window fits CloudWatch's limits; missing hours count as breaching, so
        // the alarm fires only when no Heartbeat datapoint arrived in any of the last 25 hours.
        var hourly = Duration.Hours(1);
        HeartbeatAlarm = new Alarm(this, "HeartbeatMissing", new AlarmProps
        {
            AlarmName = $"{ResourceNames.Prefix}-HeartbeatMissing",
            AlarmDescription = $"No LambdaGuard heartbeat for {props.HeartbeatMissingHours} hours: the detector is not running",
            Metric = LambdaGuardMetric("Heartbeat", hourly, "Sum"),
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.LESS_THAN_THRESHOLD,
            EvaluationPeriods = props.HeartbeatMissingHours,
            DatapointsToAlarm = props.HeartbeatMissingHours,
            TreatMissingData = TreatMissingData.BREACHING,
        });
        Register(HeartbeatAlarm);
    }

    public Alarm HeartbeatAlarm { get; }

    public IReadOnlyList<Alarm> Alarms => alarms;

    private static Metric LambdaGuardMetric(string name, Duration period, string statistic) =>
        new(new MetricProps
        {
            Namespace = ResourceNames.MetricNamespace,
            MetricName = name,
            DimensionsMap = new Dictionary<string, string>
            {
                [ResourceNames.MetricServiceDimension] = ResourceNames.MetricServiceValue,
            },
            Period = period,
            Statistic = statistic,
        });

    private void Add(
        string id,
        string description,
        IMetric metric,
        double threshold,
        int evaluationPeriods = 1,
        ComparisonOperator? comparison = null)
    {
        Register(new Alarm(this, id, new AlarmProps
        {
            AlarmName = $"{ResourceNames.Prefix}-{id}",
            AlarmDescription = description,
            Metric = metric,
            Threshold = threshold,
            ComparisonOperator = comparison ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = evaluationPeriods,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
        }));
    }

    private void Register(Alarm alarm)
    {
        alarm.AddAlarmAction(action);
        alarm.AddOkAction(action);
        alarms.Add(alarm);
    }
}
