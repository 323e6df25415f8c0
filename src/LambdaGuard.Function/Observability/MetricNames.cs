namespace LambdaGuard.Function.Observability;

/// <summary>The metric contract of the shared brief: namespace LambdaGuard, dimension Service=LambdaGuard.</summary>
internal static class MetricNames
{
    public const string Namespace = "LambdaGuard";
    public const string ServiceDimension = "Service";
    public const string ServiceValue = "LambdaGuard";
    public const string SeverityDimension = "Severity";

    public const string Processed = "Processed";
    public const string Findings = "Findings";
    public const string Published = "Published";
    public const string Suppressed = "Suppressed";
    public const string Duplicates = "Duplicates";
    public const string Malformed = "Malformed";
    public const string FailedCalls = "FailedCalls";
    public const string IngestLagSeconds = "IngestLagSeconds";
    public const string Heartbeat = "Heartbeat";
    public const string SuppressionCheckUnavailable = "SuppressionCheckUnavailable";
    public const string ClaimsUnavailable = "ClaimsUnavailable";

    /// <summary>The heartbeat's end-to-end canary failed a step (Heartbeat is then not emitted).</summary>
    public const string CanaryFailed = "CanaryFailed";
}
