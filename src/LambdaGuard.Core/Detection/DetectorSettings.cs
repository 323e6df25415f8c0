namespace LambdaGuard.Core.Detection;

/// <summary>What a deployment tells the engine about itself. Defaults match docs/detections.md: the detector is
/// any function whose name matches <c>*LambdaGuard*</c>, no role is human, no other account is trusted.</summary>
public sealed record DetectorSettings
{
    public const string DefaultOwnFunctionGlob = "*LambdaGuard*";

    public string OwnFunctionGlob { get; init; } = DefaultOwnFunctionGlob;

    /// <summary>Globs on the issuer role ARN (and SAML/web-identity principal) of sessions that are people.</summary>
    public IReadOnlyList<string> HumanRoleGlobs { get; init; } = [];

    /// <summary>Account-id globs LG004, LG006, LG007, LG012 and the cross-account check treat like the own account.</summary>
    public IReadOnlyList<string> TrustedAccountGlobs { get; init; } = [];

    public string? TrustedOrganizationId { get; init; }

    /// <summary>The own account (<paramref name="ownAccountId"/>, the record's recipient), or one the deployment
    /// trusts (docs/detections.md §4, "Trusted accounts").</summary>
    public bool IsTrustedAccount(string? accountId, string? ownAccountId) =>
        accountId is not null
        && (string.Equals(accountId, ownAccountId, StringComparison.Ordinal) || Matching.Glob.IsMatchAny(TrustedAccountGlobs, accountId));

    /// <summary>Budget for request/response parameters carried in a finding.</summary>
    public int MaxParameterBytes { get; init; } = 16 * 1024;
}
