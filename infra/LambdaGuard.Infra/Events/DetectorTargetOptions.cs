using Amazon.CDK;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.SQS;

namespace LambdaGuard.Infra.Events;

/// <summary>How every LambdaGuard rule hands events to the detector alias: bounded retries, then the DLQ.</summary>
public static class DetectorTargetOptions
{
    public const int RetryAttempts = 8;
    public const int MaxEventAgeHours = 4;

    public static LambdaFunction For(IFunction alias, IQueue deadLetterQueue) =>
        new(alias, new LambdaFunctionProps
        {
            RetryAttempts = RetryAttempts,
            MaxEventAge = Duration.Hours(MaxEventAgeHours),
            DeadLetterQueue = deadLetterQueue,
        });
}
