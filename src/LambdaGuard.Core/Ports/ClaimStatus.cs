namespace LambdaGuard.Core.Ports;

public enum ClaimStatus
{
    /// <summary>This delivery owns the alert and must publish it.</summary>
    Claimed,

    /// <summary>An earlier delivery published it; <see cref="ClaimOutcome.MessageId"/> is its SNS id.</summary>
    AlreadyPublished,

    /// <summary>Another delivery holds a live lease; retry later (the lease expires if it crashed).</summary>
    InProgress,
}
