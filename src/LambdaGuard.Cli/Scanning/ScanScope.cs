using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Matching;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Which findings a scan reports: a time window on <c>eventTime</c> (<see cref="Since"/> inclusive,
/// <see cref="Until"/> exclusive) and globs on account, event region and rule, and a minimum severity. A
/// record whose <c>eventTime</c> cannot be read is kept: the window cannot prove it lies outside.</summary>
public sealed record ScanScope
{
    public static readonly ScanScope Everything = new();

    public DateTimeOffset? Since { get; init; }

    public DateTimeOffset? Until { get; init; }

    public IReadOnlyList<string> Accounts { get; init; } = [];

    public IReadOnlyList<string> EventRegions { get; init; } = [];

    public IReadOnlyList<string> Rules { get; init; } = [];

    public Severity? MinSeverity { get; init; }

    public bool HasTimeWindow => Since is not null || Until is not null;

    /// <returns>The first filter that leaves the finding out, or null when the finding is reported.</returns>
    public FindingFilter? Excludes(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (HasTimeWindow && EventTime(finding) is { } time && ((Since is { } since && time < since) || (Until is { } until && time >= until)))
        {
            return FindingFilter.TimeWindow;
        }

        if (Accounts.Count > 0 && !Glob.IsMatchAny(Accounts, finding.Record.RecipientAccountId))
        {
            return FindingFilter.Account;
        }

        if (EventRegions.Count > 0 && !Glob.IsMatchAny(EventRegions, finding.Record.AwsRegion))
        {
            return FindingFilter.EventRegion;
        }

        if (Rules.Count > 0 && !Glob.IsMatchAny(Rules, finding.RuleId))
        {
            return FindingFilter.Rule;
        }

        return MinSeverity is { } minimum && finding.Severity < minimum ? FindingFilter.MinSeverity : null;
    }

    private static DateTimeOffset? EventTime(Finding finding) =>
        IsoTime.TryParseEventTime(finding.Record.EventTime, out var time) ? time : null;
}
