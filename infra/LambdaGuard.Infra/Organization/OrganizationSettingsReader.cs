using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using LambdaGuard.Infra.Configuration;

namespace LambdaGuard.Infra.Organization;

/// <summary>
/// Reads the context values that choose how far one LambdaGuard reaches (docs/organization.md): without them the
/// app keeps its per-region layout; homeRegion makes one account's every region report to one detector;
/// organizationId does the same for every account of an AWS Organization. Every problem is reported at once.
/// </summary>
public static partial class OrganizationSettingsReader
{
    /// <summary>The home region stands in for -c regions when only it is given.</summary>
    public static string? DefaultRegion(Amazon.CDK.App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Node.TryGetContext(OrganizationContextKeys.HomeRegion) is string home && !string.IsNullOrWhiteSpace(home) ? home.Trim() : null;
    }

    /// <summary>Both settings of an app's context, as every entry point reads them: the home region (else
    /// CDK_DEFAULT_REGION) stands in for -c regions.</summary>
    public static (InfraSettings Infra, OrganizationSettings Organization) Read(Amazon.CDK.App app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var infra = InfraSettingsReader.Read(
            key => app.Node.TryGetContext(key),
            DefaultRegion(app) ?? System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION"));
        return (infra, Read(key => app.Node.TryGetContext(key), infra));
    }

    public static OrganizationSettings Read(Func<string, object?> context, InfraSettings infra)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(infra);
        var errors = new List<string>();

        var organizationId = Text(context, OrganizationContextKeys.OrganizationId, errors);
        var homeRegion = Text(context, OrganizationContextKeys.HomeRegion, errors);
        var memberRegions = List(context, OrganizationContextKeys.MemberRegions, errors);
        var units = List(context, OrganizationContextKeys.MemberOrganizationalUnits, errors);
        var deployTo = Text(context, OrganizationContextKeys.DeployTo, errors) ?? "central";
        var callAs = Text(context, OrganizationContextKeys.CallAs, errors) ?? OrganizationSettings.CallAsSelf;
        var centralAccountId = Text(context, OrganizationContextKeys.CentralAccountId, errors);
        var quietHours = Int(context, OrganizationContextKeys.QuietHours, 1, 168, errors) ?? OrganizationSettings.DefaultQuietHours;

        if (organizationId is null && homeRegion is null && memberRegions.Count == 0)
        {
            if (units.Count > 0)
            {
                errors.Add($"context '{OrganizationContextKeys.MemberOrganizationalUnits}' needs -c {OrganizationContextKeys.OrganizationId}=o-....");
            }

            Throw(errors);
            return OrganizationSettings.PerRegion;
        }

        homeRegion ??= infra.Regions[0];
        if (!RegionPattern().IsMatch(homeRegion))
        {
            errors.Add($"context '{OrganizationContextKeys.HomeRegion}': '{homeRegion}' is not an AWS region name (expected e.g. us-east-1).");
        }

        if (memberRegions.Count == 0)
        {
            // Regions listed for the detector are watched too, even when AWS does not enable them by default.
            memberRegions = [.. DefaultRegions.EnabledByDefault.Union(infra.Regions, StringComparer.Ordinal)];
        }

        foreach (var region in memberRegions.Where(r => !RegionPattern().IsMatch(r)))
        {
            errors.Add($"context '{OrganizationContextKeys.MemberRegions}': '{region}' is not an AWS region name (expected e.g. eu-west-1).");
        }

        memberRegions = [homeRegion, .. memberRegions.Where(r => r != homeRegion).Distinct(StringComparer.Ordinal)];

        if (callAs is not (OrganizationSettings.CallAsSelf or OrganizationSettings.CallAsDelegatedAdmin))
        {
            errors.Add(
                $"context '{OrganizationContextKeys.CallAs}': '{callAs}' must be {OrganizationSettings.CallAsSelf} (deploying from the " +
                $"management account) or {OrganizationSettings.CallAsDelegatedAdmin} (from a delegated StackSets administrator).");
        }

        var mode = DeploymentMode.SingleAccount;
        if (organizationId is not null)
        {
            if (!OrgIdPattern().IsMatch(organizationId))
            {
                errors.Add($"context '{OrganizationContextKeys.OrganizationId}': '{organizationId}' is not an organization id (o-xxxxxxxxxx).");
            }

            mode = deployTo switch
            {
                "central" => DeploymentMode.OrganizationCentral,
                "management" => DeploymentMode.OrganizationManagement,
                _ => Invalid(),
            };

            if (mode == DeploymentMode.OrganizationCentral && units.Count == 0)
            {
                errors.Add(
                    $"context '{OrganizationContextKeys.MemberOrganizationalUnits}': required in organization mode (the root id is not " +
                    "known at synth). Pass -c memberOrganizationalUnits=ou-ab12-cdefgh34[,ou-...], or r-xxxx for the whole organization.");
            }

            foreach (var unit in units.Where(u => !OuPattern().IsMatch(u)))
            {
                errors.Add($"context '{OrganizationContextKeys.MemberOrganizationalUnits}': '{unit}' is not an organizational unit id (ou-xxxx-xxxxxxxx) or root id (r-xxxx).");
            }

            if (mode == DeploymentMode.OrganizationManagement &&
                (centralAccountId is null || !AccountPattern().IsMatch(centralAccountId)))
            {
                errors.Add(
                    $"context '{OrganizationContextKeys.CentralAccountId}': -c {OrganizationContextKeys.DeployTo}=management needs the 12-digit id " +
                    $"of the account that holds the central stack (got '{centralAccountId}').");
            }
        }
        else if (units.Count > 0)
        {
            errors.Add($"context '{OrganizationContextKeys.MemberOrganizationalUnits}' needs -c {OrganizationContextKeys.OrganizationId}=o-....");
        }

        Throw(errors);
        return new OrganizationSettings
        {
            Mode = mode,
            OrganizationId = organizationId,
            HomeRegion = homeRegion,
            MemberOrganizationalUnits = units,
            MemberRegions = memberRegions,
            CallAs = callAs,
            CentralAccountId = centralAccountId,
            QuietHours = quietHours,
        };

        DeploymentMode Invalid()
        {
            errors.Add($"context '{OrganizationContextKeys.DeployTo}': '{deployTo}' must be central or management.");
            return DeploymentMode.OrganizationCentral;
        }
    }

    private static void Throw(List<string> errors)
    {
        if (errors.Count > 0)
        {
            throw new InfraSettingsException(
                "LambdaGuard organization settings are invalid:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
        }
    }

    private static string? Text(Func<string, object?> context, string key, List<string> errors)
    {
        switch (context(key))
        {
            case null:
                return null;
            case string text:
                return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
            case var other:
                errors.Add($"context '{key}': expected a string, got '{other}'.");
                return null;
        }
    }

    private static int? Int(Func<string, object?> context, string key, int min, int max, List<string> errors)
    {
        var raw = context(key);
        int? value = raw switch
        {
            null => null,
            int n => n,
            long n when n is >= int.MinValue and <= int.MaxValue => (int)n,
            double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
            string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
        if (raw is not null && value is null)
        {
            errors.Add($"context '{key}': expected a whole number, got '{raw}'.");
        }
        else if (value is not null && (value < min || value > max))
        {
            errors.Add($"context '{key}': {value} is out of range ({min} to {max}).");
            return null;
        }

        return value;
    }

    private static List<string> List(Func<string, object?> context, string key, List<string> errors)
    {
        var raw = context(key);
        IEnumerable<string> values;
        switch (raw)
        {
            case null:
                return [];
            case string text when text.TrimStart().StartsWith('['):
                try
                {
                    values = JsonSerializer.Deserialize<string[]>(text) ?? [];
                }
                catch (JsonException ex)
                {
                    errors.Add($"context '{key}': '{text}' is not a JSON list of strings ({ex.Message}).");
                    return [];
                }

                break;
            case string text:
                values = text.Split(',');
                break;
            case IEnumerable items:
                values = items.Cast<object?>().Select(i => i as string ?? string.Empty);
                break;
            default:
                errors.Add($"context '{key}': expected a list (JSON array or comma-separated string), got '{raw}'.");
                return [];
        }

        return [.. values.Select(v => v.Trim()).Where(v => v.Length > 0)];
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    private static partial Regex OrgIdPattern();

    [GeneratedRegex("^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$")]
    private static partial Regex OuPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();
}
