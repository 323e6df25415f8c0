using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LambdaGuard.Infra.Configuration;

/// <summary>
/// Turns CDK context values into <see cref="InfraSettings"/>. Values arrive as JSON types from cdk.json and as
/// strings from <c>-c key=value</c>, so both spellings are accepted; every problem is reported at once, naming
/// the context key and the value that was given.
/// </summary>
public static partial class InfraSettingsReader
{
    private static readonly int[] AllowedLogRetentionDays =
        [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

    public static InfraSettings Read(Func<string, object?> context, string? defaultRegion)
    {
        ArgumentNullException.ThrowIfNull(context);
        var errors = new List<string>();
        var reader = new Reader(context, errors);

        var regions = reader.List(ContextKeys.Regions);
        if (regions.Count == 0 && !string.IsNullOrWhiteSpace(defaultRegion))
        {
            regions = [defaultRegion.Trim()];
        }

        if (regions.Count == 0)
        {
            errors.Add(
                $"context '{ContextKeys.Regions}': no region given. Pass -c {ContextKeys.Regions}=us-east-1[,eu-west-1...] " +
                "or set AWS_REGION (the CDK CLI passes it on as CDK_DEFAULT_REGION).");
        }

        foreach (var region in regions.Where(r => !RegionPattern().IsMatch(r)))
        {
            errors.Add($"context '{ContextKeys.Regions}': '{region}' is not an AWS region name (expected e.g. us-east-1).");
        }

        foreach (var duplicate in regions.GroupBy(r => r, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"context '{ContextKeys.Regions}': '{duplicate.Key}' is listed more than once.");
        }

        var alertEmail = reader.Email(ContextKeys.AlertEmail);
        var operationsEmail = reader.Email(ContextKeys.OperationsEmail) ?? alertEmail;

        var reservedConcurrency = reader.OptionalInt(ContextKeys.ReservedConcurrency, 1, 1000);
        var memorySize = reader.OptionalInt(ContextKeys.MemorySize, 128, 10240) ?? InfraSettings.DefaultMemorySize;
        var timeoutSeconds = reader.OptionalInt(ContextKeys.TimeoutSeconds, 1, 900) ?? InfraSettings.DefaultTimeoutSeconds;
        var cacheSeconds = reader.OptionalInt(ContextKeys.SuppressionCacheSeconds, 0, 3600)
            ?? InfraSettings.DefaultSuppressionCacheSeconds;
        var lagSeconds = reader.OptionalInt(ContextKeys.IngestLagAlarmSeconds, 60, 86400)
            ?? InfraSettings.DefaultIngestLagAlarmSeconds;

        var logRetentionDays = reader.OptionalInt(ContextKeys.LogRetentionDays, 1, 3653)
            ?? InfraSettings.DefaultLogRetentionDays;
        if (!AllowedLogRetentionDays.Contains(logRetentionDays))
        {
            errors.Add(
                $"context '{ContextKeys.LogRetentionDays}': {logRetentionDays} is not a CloudWatch Logs retention period; " +
                $"use one of {string.Join(", ", AllowedLogRetentionDays)}.");
        }

        var trustedAccounts = reader.List(ContextKeys.TrustedAccounts);
        errors.AddRange(trustedAccounts
            .Select(a => GlobSettingValidator.TrustedAccountProblem(ContextKeys.TrustedAccounts, a))
            .OfType<string>());

        var trustedOrgId = reader.OptionalString(ContextKeys.TrustedOrgId);
        if (trustedOrgId is not null && !OrgIdPattern().IsMatch(trustedOrgId))
        {
            errors.Add($"context '{ContextKeys.TrustedOrgId}': '{trustedOrgId}' is not an organization id (o-xxxxxxxxxx).");
        }

        var humanRoles = reader.List(ContextKeys.HumanRoles);
        errors.AddRange(humanRoles
            .Select(r => GlobSettingValidator.HumanRoleProblem(ContextKeys.HumanRoles, r))
            .OfType<string>());

        var ownFunction = reader.OptionalString(ContextKeys.OwnFunction) ?? InfraSettings.DefaultOwnFunction;
        if (GlobSettingValidator.OwnFunctionProblem(ContextKeys.OwnFunction, ownFunction, ResourceNames.DetectorFunction)
            is { } ownFunctionProblem)
        {
            errors.Add(ownFunctionProblem);
        }

        var kmsKey = reader.KmsKey(ContextKeys.KmsKey, regions);

        var settings = new InfraSettings
        {
            Regions = regions,
            AlertEmail = alertEmail,
            OperationsEmail = operationsEmail,
            ReservedConcurrency = reservedConcurrency,
            SnapStart = reader.Bool(ContextKeys.SnapStart),
            CreateTrail = reader.Bool(ContextKeys.CreateTrail),
            KmsKey = kmsKey,
            MemorySize = memorySize,
            TimeoutSeconds = timeoutSeconds,
            TrustedAccounts = trustedAccounts,
            TrustedOrgId = trustedOrgId,
            HumanRoles = humanRoles,
            OwnFunction = ownFunction,
            SecurityHub = reader.Bool(ContextKeys.SecurityHub),
            LogRetentionDays = logRetentionDays,
            SuppressionCacheSeconds = cacheSeconds,
            IngestLagAlarmSeconds = lagSeconds,
        };

        if (errors.Count > 0)
        {
            throw new InfraSettingsException(
                "LambdaGuard infrastructure settings are invalid:" + Environment.NewLine +
                string.Join(Environment.NewLine, errors.Select(e => "  - " + e)));
        }

        return settings;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^o-[a-z0-9]{10,32}$")]
    private static partial Regex OrgIdPattern();

    [GeneratedRegex(@"^[^@\s,]+@[^@\s,]+\.[^@\s,]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^arn:aws[a-z-]*:kms:(?<region>[a-z0-9-]+):[0-9]{12}:key/[A-Za-z0-9-]+$")]
    private static partial Regex KmsKeyArnPattern();

    private sealed class Reader(Func<string, object?> context, List<string> errors)
    {
        public IReadOnlyList<string> List(string key)
        {
            var raw = context(key);
            switch (raw)
            {
                case null:
                    return [];
                case string text when text.TrimStart().StartsWith('['):
                    try
                    {
                        var parsed = JsonSerializer.Deserialize<string[]>(text) ?? [];
                        return Clean(parsed);
                    }
                    catch (JsonException ex)
                    {
                        errors.Add($"context '{key}': '{text}' is not a JSON list of strings ({ex.Message}).");
                        return [];
                    }

                case string text:
                    return Clean(text.Split(','));
                case IEnumerable items:
                    var values = new List<string>();
                    foreach (var item in items)
                    {
                        if (item is string s)
                        {
                            values.Add(s);
                        }
                        else
                        {
                            errors.Add($"context '{key}': every entry must be a string, got '{item}'.");
                        }
                    }

                    return Clean(values);
                default:
                    errors.Add($"context '{key}': expected a list (JSON array or comma-separated string), got '{raw}'.");
                    return [];
            }
        }

        public string? OptionalString(string key)
        {
            var raw = context(key);
            switch (raw)
            {
                case null:
                    return null;
                case string text:
                    return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
                default:
                    errors.Add($"context '{key}': expected a string, got '{raw}'.");
                    return null;
            }
        }

        public string? Email(string key)
        {
            var value = OptionalString(key);
            if (value is not null && !EmailPattern().IsMatch(value))
            {
                errors.Add($"context '{key}': '{value}' is not an email address.");
                return null;
            }

            return value;
        }

        public bool Bool(string key)
        {
            var raw = context(key);
            switch (raw)
            {
                case null:
                    return false;
                case bool flag:
                    return flag;
                case string text when bool.TryParse(text.Trim(), out var parsed):
                    return parsed;
                default:
                    errors.Add($"context '{key}': expected true or false, got '{raw}'.");
                    return false;
            }
        }

        public int? OptionalInt(string key, int min, int max)
        {
            var raw = context(key);
            int? value = raw switch
            {
                null => null,
                string text when int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
                int n => n,
                long n when n is >= int.MinValue and <= int.MaxValue => (int)n,
                double d when d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
                _ => Invalid(),
            };

            if (value is not null && (value < min || value > max))
            {
                errors.Add($"context '{key}': {value} is out of range ({min} to {max}).");
                return null;
            }

            return value;

            int? Invalid()
            {
                errors.Add($"context '{key}': expected a whole number, got '{raw}'.");
                return null;
            }
        }

        public KmsKeySetting KmsKey(string key, IReadOnlyList<string> regions)
        {
            var raw = context(key);
            switch (raw)
            {
                case null:
                case false:
                    return KmsKeySetting.None;
                case true:
                    return KmsKeySetting.Create;
                case string text when bool.TryParse(text.Trim(), out var flag):
                    return flag ? KmsKeySetting.Create : KmsKeySetting.None;
                case string text when string.IsNullOrWhiteSpace(text):
                    return KmsKeySetting.None;
                case string text:
                    var match = KmsKeyArnPattern().Match(text.Trim());
                    if (!match.Success)
                    {
                        errors.Add(
                            $"context '{key}': '{text}' is neither true/false nor a KMS key ARN " +
                            "(arn:aws:kms:REGION:ACCOUNT:key/ID).");
                        return KmsKeySetting.None;
                    }

                    var keyRegion = match.Groups["region"].Value;
                    var otherRegions = regions.Where(r => r != keyRegion).ToList();
                    if (otherRegions.Count > 0)
                    {
                        errors.Add(
                            $"context '{key}': the key {text} lives in {keyRegion}, but the stacks deploy to " +
                            $"{string.Join(", ", regions)}. A key ARN works for a single-region deployment in the key's " +
                            "region; use -c kmsKey=true to create one key per region.");
                    }

                    return KmsKeySetting.Existing(text.Trim());
                default:
                    errors.Add($"context '{key}': expected true, false or a KMS key ARN, got '{raw}'.");
                    return KmsKeySetting.None;
            }
        }

        private static List<string> Clean(IEnumerable<string> values) =>
            values.Select(v => v.Trim()).Where(v => v.Length > 0).ToList();
    }
}
