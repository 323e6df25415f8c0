namespace LambdaGuard.Core.Detection;

/// <summary>How a user spells each detector setting where it came from, so a validation message points at the
/// flag or variable to fix.</summary>
public sealed record DetectorSettingNames(string OwnFunction, string HumanRoles, string TrustedAccounts, string TrustedOrganization)
{
    public static DetectorSettingNames CliOptions { get; } = new("--own-function", "--human-role", "--trusted-account", "--trusted-org");
}
