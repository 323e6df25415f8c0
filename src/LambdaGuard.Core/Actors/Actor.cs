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
    public bool IsAlerted => Class is ActorClass.Root or ActorClass.Human or ActorClass.Unknown;
}
