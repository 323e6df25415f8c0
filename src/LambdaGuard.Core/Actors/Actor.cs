namespace LambdaGuard.Core.Actors;

/// <param name="Type">userIdentity.type as logged.</param>
/// <param name="Principal">What suppressions match on: the IAM user ARN, or for a session the issuer's ARN
/// (never the session ARN, whose name the caller chooses).</param>
/// <param name="Arn">The identity ARN as logged (the session ARN for role sessions).</param>
/// <param name="InvokedBy">An AWS service acting with the caller's credentials (annotation only).</param>
public sealed record Actor(
    ActorClass Class,
    string Type,
    string? Principal,
    string? Arn,
    string? AccountId,
    bool CrossAccount,
    bool Console,
    bool Mfa,
    string? InvokedBy,
    string? SessionName)
{
    /// <summary>Set by whoever assumed the role (sts:SourceIdentity); information only, never the class.</summary>
    public string? SourceIdentity { get; init; }

    /// <summary>The caller's 12-digit account is neither the recipient account nor a trusted one
    /// (docs/detections.md §3): its changes are judged like a human's, at least High.</summary>
    public bool UntrustedCaller { get; init; }

    /// <summary>Change rules apply: people, unclassified callers, and callers from untrusted accounts.</summary>
    public bool IsChangeAlerted => Class is ActorClass.Root or ActorClass.Human or ActorClass.Unknown || UntrustedCaller;
}
