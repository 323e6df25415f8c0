using Amazon.Runtime;

namespace LambdaGuard.Aws.SecurityHub;

public sealed class SecurityHubOptions
{
    /// <summary>The region whose Security Hub receives the findings (the detector's own).</summary>
    public required string Region { get; init; }

    /// <summary>The account that calls BatchImportFindings: with the default product ARN every finding's
    /// AwsAccountId must be this account.</summary>
    public required string CallingAccount { get; init; }

    public string Partition { get; init; } = "aws";

    /// <summary>Endpoint override (a stub, a VPC endpoint). Default: https://securityhub.REGION.amazonaws.com.</summary>
    public Uri? ServiceUrl { get; init; }

    /// <summary>Fixed credentials; default: the SDK's default chain, resolved per attempt.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Attempts per batch, the first one included.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wall-clock budget of one import, retries included; the caller's deadline may end it sooner.</summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Region) || CallingAccount is not { Length: 12 } || !CallingAccount.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Security Hub needs a region and a 12-digit calling account (got '{Region}', '{CallingAccount}').");
        }

        if (MaxAttempts < 1 || Budget <= TimeSpan.Zero || AttemptTimeout <= TimeSpan.Zero || BaseDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), "Security Hub retry settings must be positive.");
        }
    }
}
