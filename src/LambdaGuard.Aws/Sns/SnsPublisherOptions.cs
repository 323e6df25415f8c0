using Amazon.Runtime;

namespace LambdaGuard.Aws.Sns;

public sealed class SnsPublisherOptions
{
    public required string TopicArn { get; init; }

    /// <summary>Endpoint override (an emulator, a VPC endpoint). Default: the regional SNS endpoint of the
    /// topic's region. The signing region always comes from the topic ARN.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>Fixed credentials (e.g. a named profile in the CLI). Default: the SDK's default chain,
    /// resolved on every attempt so rotated container/SnapStart credentials are picked up.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Attempts per publish, the first one included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wall-clock budget of one publish, retries and waits included. The function derives it from
    /// its timeout; no attempt starts, and no wait is begun, that would end past it.</summary>
    public TimeSpan RetryBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Upper bound of one HTTP attempt (also bounded by what is left of the budget).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Backoff before retry n is drawn from [d/2, d] with d = min(MaxDelay, BaseDelay * 2^(n-1)).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(2);

    internal void Validate()
    {
        SnsTopicArn.Parse(TopicArn);
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "MaxAttempts must be at least 1.");
        }

        if (RetryBudget <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(RetryBudget), RetryBudget, "RetryBudget must be positive.");
        }

        if (AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(AttemptTimeout), AttemptTimeout, "AttemptTimeout must be positive.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDelay), MaxDelay, "Need 0 <= BaseDelay <= MaxDelay.");
        }

        if (ServiceUrl is { IsAbsoluteUri: false })
        {
            throw new ArgumentException($"ServiceUrl '{ServiceUrl}' must be an absolute URL.", nameof(ServiceUrl));
        }
    }
}
