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

    public DetectorOptions()
    {
        // Refused at parse time, so every command taking these options reports a usage error (exit 2) with the fix.
        var names = DetectorSettingNames.CliOptions;
        OwnFunction.Validators.Add(result => Report(result, [DetectorSettingsValidator.OwnFunctionProblem(names.OwnFunction, result.GetValueOrDefault<string>() ?? DetectorSettings.DefaultOwnFunctionGlob)]));
        HumanRoles.Validators.Add(result => Report(result, (result.GetValueOrDefault<string[]>() ?? []).Select(g => DetectorSettingsValidator.HumanRoleProblem(names.HumanRoles, g))));
        TrustedAccounts.Validators.Add(result => Report(result, (result.GetValueOrDefault<string[]>() ?? []).Select(g => DetectorSettingsValidator.TrustedAccountProblem(names.TrustedAccounts, g))));
        TrustedOrganization.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } org)
            {
                Report(result, [DetectorSettingsValidator.TrustedOrganizationProblem(names.TrustedOrganization, org)]);
            }
        });
    }

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(OwnFunction);
        command.Options.Add(HumanRoles);
        command.Options.Add(TrustedAccounts);
        command.Options.Add(TrustedOrganization);
    }

    private static void Report(System.CommandLine.Parsing.OptionResult result, IEnumerable<string?> problems)
    {
        foreach (var problem in problems)
        {
            if (problem is not null)
            {
                result.AddError(problem);
            }
        }
    }

    /// <summary>The settings in <paramref name="baseline"/> (e.g. the deployed ones), with every option the user
    /// actually gave on the command line put over them.</summary>
    public DetectorSettings ReadOver(ParseResult parse, DetectorSettings baseline)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(baseline);
        bool Given(Option option) => parse.GetResult(option) is { Implicit: false };
        return baseline with
        {
            OwnFunctionGlob = Given(OwnFunction) ? parse.GetValue(OwnFunction) ?? baseline.OwnFunctionGlob : baseline.OwnFunctionGlob,
            HumanRoleGlobs = Given(HumanRoles) ? parse.GetValue(HumanRoles) ?? [] : baseline.HumanRoleGlobs,
            TrustedAccountGlobs = Given(TrustedAccounts) ? parse.GetValue(TrustedAccounts) ?? [] : baseline.TrustedAccountGlobs,
            TrustedOrganizationId = Given(TrustedOrganization) ? parse.GetValue(TrustedOrganization) : baseline.TrustedOrganizationId,
        };
    }

    /// <summary>The command-line options alone, over the engine's defaults.</summary>
    public DetectorSettings Read(ParseResult parse) => ReadOver(parse, new DetectorSettings());
}
