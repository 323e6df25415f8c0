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
    // EMF metric names the detector emits (src/LambdaGuard.Function/Observability/MetricNames.cs).
    public const string MalformedMetric = "Malformed";
    public const string SuppressionCheckUnavailableMetric = "SuppressionCheckUnavailable";
    public const string ClaimsUnavailableMetric = "ClaimsUnavailable";

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

        // Lambda could not park a failed event or batch in its on-failure destination: the event is gone unless
        // replayed from CloudTrail.
        Add("DestinationDeliveryFailures", "Lambda could not write a failed LambdaGuard event to its on-failure destination",
            props.Detector.Metric("DestinationDeliveryFailures", new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }), 1);
        Add("AsyncEventsDropped", "Lambda dropped events for the LambdaGuard detector without processing them",
            props.Detector.Metric("AsyncEventsDropped", new MetricOptions { Period = fiveMinutes, Statistic = "Sum" }), 1);

        // The audit stream mapping is the detector's only stream source, so the function's IteratorAge is its age.
        Add("AuditStreamIteratorAge",
            $"Suppression-list changes reach the detector more than {props.AuditIteratorAgeAlarmSeconds} s late (LG011 delayed)",
            props.Detector.Metric("IteratorAge", new MetricOptions { Period = fiveMinutes, Statistic = "Maximum" }),
            props.AuditIteratorAgeAlarmSeconds * 1000.0, evaluationPeriods: 3, ComparisonOperator.GREATER_THAN_THRESHOLD);

        Add("MalformedRecords", "The detector received records it could not read (see its log for path and index)",
            LambdaGuardMetric(MalformedMetric, fiveMinutes, "Sum"), 1);
        Add("SuppressionCheckUnavailable",
            "Alerts were sent without checking the suppression list (DynamoDB unavailable or slow): expect unsuppressed alerts",
            LambdaGuardMetric(SuppressionCheckUnavailableMetric, fiveMinutes, "Sum"), 1);
        Add("ClaimsUnavailable",
            "Alerts were sent without a claim (alert-claims table unavailable): delivery is at-least-once, dedupe on alertId",
            LambdaGuardMetric(ClaimsUnavailableMetric, fiveMinutes, "Sum"), 1);

        foreach (var (name, queue) in props.FailureQueues)
        {
            Add($"{name}Depth", $"Events are waiting in {name}: redrive them with `lambdaguard replay`",
                queue.MetricApproximateNumberOfMessagesVisible(
                    new MetricOptions { Period = fiveMinutes, Statistic = "Maximum" }), 1);
        }

        // One alarm over every LambdaGuard rule (detector, heartbeat and tamper rules): FailedInvocations is
        // published per rule, so the rules' series are summed, with quiet rules counting as zero.
        var ruleMetrics = new Dictionary<string, IMetric>();
        for (var i = 0; i < props.RuleNames.Count; i++)
        {
            ruleMetrics[$"rule{i}"] = new Metric(new MetricProps
            {
                Namespace = "AWS/Events",
                MetricName = "FailedInvocations",
                DimensionsMap = new Dictionary<string, string> { ["RuleName"] = props.RuleNames[i] },
                Period = fiveMinutes,
                Statistic = "Sum",
            });
        }

        Add("RuleFailedInvocations", "EventBridge could not deliver events of a LambdaGuard rule to its target",
            new MathExpression(new MathExpressionProps
            {
                Expression = string.Join(" + ", ruleMetrics.Keys.Select(k => $"FILL({k}, 0)")),
                UsingMetrics = ruleMetrics,
                Label = "FailedInvocations (all LambdaGuard rules)",
                Period = fiveMinutes,
            }), 1);

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
