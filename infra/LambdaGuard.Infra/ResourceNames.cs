namespace LambdaGuard.Infra;

/// <summary>
/// Physical names fixed by the cross-component contract or referenced by event patterns, the admin policy and
/// docs. Names are regional (one stack per region), so the same name in every region is intended.
/// </summary>
public static class ResourceNames
{
    public const string Prefix = "LambdaGuard";
    public const string DetectorFunction = "LambdaGuard-Detector";
    public const string DetectorAlias = "live";
    public const string DetectorLogGroup = "/aws/lambda/LambdaGuard-Detector";
    public const string HandlerString = "LambdaGuard.Function::LambdaGuard.Function.FunctionHandler::Handle";

    public const string SuppressionsTable = "LambdaGuard-Suppressions";
    public const string ClaimsTable = "LambdaGuard-AlertClaims";

    public const string AlertTopic = "LambdaGuard-Alerts";
    public const string OperationsTopic = "LambdaGuard-Operations";
    public const string AlertJsonTopic = "LambdaGuard-AlertJson";

    public const string CloudTrailRule = "LambdaGuard-CloudTrail";
    public const string TamperRulePrefix = "LambdaGuard-Tamper-";
    public const string HeartbeatRule = "LambdaGuard-Heartbeat";
    public const string AuditFailureRule = "LambdaGuard-AuditFailures";

    public const string RuleDeadLetterQueue = "LambdaGuard-RuleDeadLetters";
    public const string AsyncFailureQueue = "LambdaGuard-AsyncFailures";
    public const string StreamFailureQueue = "LambdaGuard-StreamFailures";

    public const string SuppressionsTableParameter = "/lambdaguard/suppressions-table";
    public const string ClaimsTableParameter = "/lambdaguard/claims-table";
    public const string AlertTopicArnParameter = "/lambdaguard/alert-topic-arn";
    public const string DetectorSettingsParameter = "/lambdaguard/detector-settings";

    public const string SuppressionAdminPolicy = "LambdaGuard-SuppressionAdmin";
    public const string SuppressionAdminPolicyExport = "LambdaGuard-SuppressionAdminPolicyArn";
    public const string Trail = "LambdaGuard-Trail";

    public const string MetricNamespace = "LambdaGuard";
    public const string MetricServiceDimension = "Service";
    public const string MetricServiceValue = "LambdaGuard";

    public const string GlobalStack = "LambdaGuard-Global";
    public const string IamWatchStack = "LambdaGuard-IamWatch";

    public static string RegionalStack(string region) => $"LambdaGuard-{region}";

    public static IReadOnlyList<string> SsmParameters { get; } =
        [SuppressionsTableParameter, ClaimsTableParameter, AlertTopicArnParameter, DetectorSettingsParameter];

    // IAM names are account-wide, so the detector's role and policies carry their region; the IAM tamper rule in
    // us-east-1 watches them by these names without a cross-region reference.
    public const string DetectorIamPrefix = "LambdaGuard-Detector-";

    public static string DetectorRole(string region) => DetectorIamPrefix + region;

    public static string DetectorPolicy(string region, string purpose) => $"{DetectorIamPrefix}{region}-{purpose}";
}
