using Amazon.CDK.AWS.Events;
using Constructs;

namespace LambdaGuard.Infra.Events;

/// <summary>
/// Lambda control-plane calls recorded by CloudTrail, on the default bus. Data-plane <c>Invoke*</c> events are
/// excluded here, because a trail logging Lambda data events would otherwise feed the detector its own
/// invocations. Failed calls are deliberately NOT filtered: the function counts them (FailedCalls metric, a
/// recon signal) and LG010 reports failed attempts on LambdaGuard itself.
/// </summary>
public sealed class CloudTrailRule : Construct
{
    public CloudTrailRule(Construct scope, string id, CloudTrailRuleProps props)
        : base(scope, id)
    {
        ArgumentNullException.ThrowIfNull(props);
        Rule = new Rule(this, "Rule", new RuleProps
        {
            RuleName = ResourceNames.CloudTrailRule,
            Description = "LambdaGuard: Lambda API calls from CloudTrail (no Invoke data events) to the detector",
            EventPattern = Pattern,
        });
        Rule.AddTarget(DetectorTargetOptions.For(props.Target, props.DeadLetterQueue));
    }

    public static EventPattern Pattern => new()
    {
        Source = ["aws.lambda"],
        DetailType = ["AWS API Call via CloudTrail"],
        Detail = new Dictionary<string, object>
        {
            ["eventSource"] = new[] { "lambda.amazonaws.com" },
            ["eventName"] = new object[]
            {
                new Dictionary<string, object>
                {
                    ["anything-but"] = new Dictionary<string, object> { ["prefix"] = "Invoke" },
                },
            },
        },
    };

    public Rule Rule { get; }
}
