using System.CommandLine;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Cli.Commands;

/// <summary>The detector settings shared by scan, replay and explain, so they read logs the same way.</summary>
public sealed class DetectorOptions
{
    public Option<string> OwnFunction { get; } = new("--own-function") { Description = "Glob of LambdaGuard's own function names (LG010)", DefaultValueFactory = _ => DetectorSettings.DefaultOwnFunctionGlob };

    public Option<string[]> HumanRoles { get; } = new("--human-role") { Description = "Glob of role ARNs whose sessions are people (repeatable)" };

    public Option<string[]> TrustedAccounts { get; } = new("--trusted-account") { Description = "Glob of account ids treated like the own account by LG004, LG006, LG007, LG012 and the cross-account check (repeatable)" };

    public Option<string?> TrustedOrganization { get; } = new("--trusted-org") { Description = "Organization id treated as trusted by LG004/LG007" };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(OwnFunction);
        command.Options.Add(HumanRoles);
        command.Options.Add(TrustedAccounts);
        command.Options.Add(TrustedOrganization);
    }

    public DetectorSettings Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new DetectorSettings
        {
            OwnFunctionGlob = parse.GetValue(OwnFunction) ?? DetectorSettings.DefaultOwnFunctionGlob,
            HumanRoleGlobs = parse.GetValue(HumanRoles) ?? [],
            TrustedAccountGlobs = parse.GetValue(TrustedAccounts) ?? [],
            TrustedOrganizationId = parse.GetValue(TrustedOrganization),
        };
    }
}
