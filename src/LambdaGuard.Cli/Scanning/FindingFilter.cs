namespace LambdaGuard.Cli.Scanning;

/// <summary>The scan option that left a finding out, so the summary can count each one.</summary>
public enum FindingFilter
{
    TimeWindow,
    Account,
    EventRegion,
    Rule,
    MinSeverity,
}
