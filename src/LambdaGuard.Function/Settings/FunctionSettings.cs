using System.Globalization;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Function.Coverage;

namespace LambdaGuard.Function.Settings;

/// <summary>The function's configuration, read from the environment variables of the shared contract and
/// validated all at once.</summary>
public sealed record FunctionSettings
{
    public const string SuppressionsTableVariable = "LAMBDAGUARD_SUPPRESSIONS_TABLE";
    public const string ClaimsTableVariable = "LAMBDAGUARD_CLAIMS_TABLE";
    public const string TopicArnVariable = "LAMBDAGUARD_TOPIC_ARN";
    public const string OwnFunctionVariable = "LAMBDAGUARD_OWN_FUNCTION";
    public const string HumanRolesVariable = "LAMBDAGUARD_HUMAN_ROLES";
    public const string TrustedAccountsVariable = "LAMBDAGUARD_TRUSTED_ACCOUNTS";
    public const string TrustedOrgIdVariable = "LAMBDAGUARD_TRUSTED_ORG_ID";
    public const string SuppressionCacheSecondsVariable = "LAMBDAGUARD_SUPPRESSION_CACHE_SECONDS";
    public const string TimeoutSecondsVariable = "LAMBDAGUARD_TIMEOUT_SECONDS";
    public const string AlertJsonTopicArnVariable = "LAMBDAGUARD_ALERT_JSON_TOPIC_ARN";
    public const string SecurityHubVariable = "LAMBDAGUARD_SECURITY_HUB";

    // The hub's hourly coverage-check rule (infra ForwardingNames.HubCoverageCheckRule): its scheduled events
    // check quiet spokes; every other scheduled event is the daily heartbeat canary.
    public const string CoverageCheckRuleName = "LambdaGuard-Hub-CoverageCheck";

    /// <summary>Set by the hub stack only (docs/organization.md): without it spoke heartbeats are not expected.</summary>
    public const string CoverageQuietMinutesVariable = "LAMBDAGUARD_COVERAGE_QUIET_MINUTES";

    public const int DefaultSuppressionCacheSeconds = 60;

    // Set by Lambda itself, not by the stack (so not one of the contract's *Variable names).
    private const string LambdaFunctionNameVariable = "AWS_LAMBDA_FUNCTION_NAME";

    private static readonly DetectorSettingNames EnvironmentNames =
        new(OwnFunctionVariable, HumanRolesVariable, TrustedAccountsVariable, TrustedOrgIdVariable);

    // Lambda's own limit on a function timeout.
    private const int MaxTimeoutSeconds = 900;

    public required string SuppressionsTable { get; init; }

    public required string ClaimsTable { get; init; }

    public required string TopicArn { get; init; }

    public required DetectorSettings Detector { get; init; }

    /// <summary>The optional second topic that receives the alert JSON as a plain message (docs/alerts.md).</summary>
    public string? AlertJsonTopicArn { get; init; }

    /// <summary>Opt-in: import each published alert into Security Hub as ASFF (docs/alerts.md).</summary>
    public bool SecurityHub { get; init; }

    public TimeSpan SuppressionCacheDuration { get; init; } = TimeSpan.FromSeconds(DefaultSuppressionCacheSeconds);

    /// <summary>The spoke-coverage quiet window; null when the detector serves only its own region.</summary>
    public TimeSpan? CoverageQuietWindow { get; init; }

    /// <summary>The function's configured timeout: the invocation's hard end.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Kept free at the end of an invocation to log, flush metrics and return before Lambda kills
    /// it: a tenth of the timeout, between 1 and 5 seconds.</summary>
    public TimeSpan SafetyMargin => TimeSpan.FromSeconds(Math.Clamp(Timeout.TotalSeconds / 10, 1, 5));

    /// <summary>Publishing stops (and the event is retried) once this much of an invocation is used.</summary>
    public TimeSpan WorkBudget => Timeout > SafetyMargin ? Timeout - SafetyMargin : Timeout / 2;

    /// <summary>A claim outlives the run that took it, so no live run is overtaken, but not much longer,
    /// so a crashed run's alert is taken over by the first retry (Lambda retries async events after about
    /// a minute).</summary>
    public TimeSpan ClaimLease => Timeout + TimeSpan.FromSeconds(10);

    public RecordProcessorOptions ToProcessorOptions() => new()
    {
        Detector = Detector,
        ClaimLease = ClaimLease,
        SuppressionCacheDuration = SuppressionCacheDuration,
    };

    public static FunctionSettings FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <exception cref="FunctionSettingsException">A variable is missing or invalid; the message names each one.</exception>
    public static FunctionSettings FromEnvironment(Func<string, string?> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var problems = new List<string>();

        string Required(string name)
        {
            var value = read(name)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                problems.Add($"{name} is not set");
                return string.Empty;
            }

            return value;
        }

        int Seconds(string name, int? fallback, int min, int max)
        {
            var text = read(name)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                if (fallback is null)
                {
                    problems.Add($"{name} is not set (the function timeout in seconds)");
                    return min;
                }

                return fallback.Value;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                problems.Add($"{name} is '{text}', not a whole number of seconds from {min} to {max}");
                return fallback ?? min;
            }

            return value;
        }

        var suppressionsTable = Required(SuppressionsTableVariable);
        var claimsTable = Required(ClaimsTableVariable);
        var topicArn = Required(TopicArnVariable);
        if (topicArn.Length > 0 && !LooksLikeTopicArn(topicArn))
        {
            problems.Add($"{TopicArnVariable} is '{topicArn}', not an SNS topic ARN (arn:PARTITION:sns:REGION:ACCOUNT:NAME)");
        }

        var alertJsonTopicArn = read(AlertJsonTopicArnVariable)?.Trim();
        if (!string.IsNullOrEmpty(alertJsonTopicArn) && !LooksLikeTopicArn(alertJsonTopicArn))
        {
            problems.Add($"{AlertJsonTopicArnVariable} is '{alertJsonTopicArn}', not an SNS topic ARN (arn:PARTITION:sns:REGION:ACCOUNT:NAME)");
        }

        var securityHubText = read(SecurityHubVariable)?.Trim();
        var securityHub = false;
        if (!string.IsNullOrEmpty(securityHubText) && !bool.TryParse(securityHubText, out securityHub))
        {
            problems.Add($"{SecurityHubVariable} is '{securityHubText}', not true or false");
        }

        var ownFunction = read(OwnFunctionVariable)?.Trim();
        var trustedOrg = read(TrustedOrgIdVariable)?.Trim();
        var cacheSeconds = Seconds(SuppressionCacheSecondsVariable, DefaultSuppressionCacheSeconds, 0, 3600);
        var timeoutSeconds = Seconds(TimeoutSecondsVariable, null, 1, MaxTimeoutSeconds);
        var detector = new DetectorSettings
        {
            OwnFunctionGlob = string.IsNullOrEmpty(ownFunction) ? DetectorSettings.DefaultOwnFunctionGlob : ownFunction,
            HumanRoleGlobs = List(read(HumanRolesVariable)),
            TrustedAccountGlobs = List(read(TrustedAccountsVariable)),
            TrustedOrganizationId = string.IsNullOrEmpty(trustedOrg) ? null : trustedOrg,
        };

        // A glob that can never match hides people or trusted accounts silently: refuse to start instead. Lambda
        // sets AWS_LAMBDA_FUNCTION_NAME, so the own-function glob is checked against the detector itself.
        problems.AddRange(DetectorSettingsValidator.Problems(detector, EnvironmentNames, NonEmpty(read(LambdaFunctionNameVariable))));

        TimeSpan? coverageQuietWindow = null;
        try
        {
            coverageQuietWindow = CoverageWindow.Parse(read(CoverageQuietMinutesVariable));
        }
        catch (FunctionSettingsException e)
        {
            problems.Add(e.Message);
        }

        if (problems.Count > 0)
        {
            throw new FunctionSettingsException("LambdaGuard function settings are invalid: " + string.Join("; ", problems) + ".");
        }

        return new FunctionSettings
        {
            SuppressionsTable = suppressionsTable,
            ClaimsTable = claimsTable,
            TopicArn = topicArn,
            AlertJsonTopicArn = string.IsNullOrEmpty(alertJsonTopicArn) ? null : alertJsonTopicArn,
            SecurityHub = securityHub,
            Detector = detector,
            SuppressionCacheDuration = TimeSpan.FromSeconds(cacheSeconds),
            Timeout = TimeSpan.FromSeconds(timeoutSeconds),
            CoverageQuietWindow = coverageQuietWindow,
        };
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string[] List(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool LooksLikeTopicArn(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "sns" && parts.All(p => p.Length > 0);
    }
}
