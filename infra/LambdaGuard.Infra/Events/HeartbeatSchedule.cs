using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Constructs;

namespace LambdaGuard.Infra.Events;

/// <summary>
/// A daily Scheduled Event through the same alias: the function answers with the Heartbeat metric, and the
/// heartbeat alarm (OperationsAlarms) fires when none arrives for 25 hours, however the detector broke.
/// </summary>
public sealed class HeartbeatSchedule : Construct
{
    public HeartbeatSchedule(Construct scope, string id, HeartbeatScheduleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Rule = new Rule(this, "Rule", new RuleProps
        {
            RuleName = ResourceNames.HeartbeatRule,
            Description = "LambdaGuard: daily heartbeat through the detector",
            Schedule = Schedule.Rate(Duration.Days(1)),
        });
        Rule.AddTarget(DetectorTargetOptions.For(props.Target, props.DeadLetterQueue));
    }

    public Rule Rule { get; }
}
