using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Suppressions;

/// <summary>LG011 (docs/detections.md §4): every change to the suppression list is reported. Severity is
/// decided here, not by the admin tool, so a hand-edited table item is judged the same way.</summary>
public static class SuppressionAuditor
{
    public static SuppressionAudit Audit(SuppressionChange change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(change);
        var entry = change.After ?? change.Before ?? throw new ArgumentException("a change needs an old or a new image", nameof(change));
        var broad = change.After is { } after && SuppressionValidator.IsBroad(after);
        var changed = ChangedFields(change.Before, change.After);
        var reasons = new List<string>();
        var severity = Severity.Medium;

        if (broad)
        {
            severity = Severity.High;
            reasons.Add("the entry is broad: every selector is universal (*), so it silences every suppressible finding that is not Critical");
        }
        else if (change.Kind == SuppressionChangeKind.Removed && change.Before?.ExpiresAt is { } expired && expired <= now)
        {
            severity = Severity.Info;
            reasons.Add($"removal of an entry that had already expired at {IsoTime.Format(expired)}");
        }

        if (change.After is { } written)
        {
            var validation = SuppressionValidator.ValidateForUse(written);
            if (!validation.IsValid)
            {
                reasons.Add("the entry as written is invalid and is ignored by the detector: " + string.Join("; ", validation.Problems));
            }

            reasons.AddRange(validation.Warnings.Select(w => $"warning: {w}"));
        }

        if (change.After?.ExpiresAt is { } expiry && expiry > now.AddDays(SuppressionValidator.DefaultMaxExpiryDays))
        {
            reasons.Add($"expiry {IsoTime.Format(expiry)} is more than {SuppressionValidator.DefaultMaxExpiryDays} days ahead (written outside the admin tool?)");
        }

        var verb = change.Kind switch
        {
            SuppressionChangeKind.Added => "added",
            SuppressionChangeKind.Changed => "changed",
            _ => "removed",
        };
        reasons.Insert(0, $"suppression entry {verb}" + (changed.Count > 0 && change.Kind == SuppressionChangeKind.Changed ? $" (fields: {string.Join(", ", changed)})" : string.Empty));
        var by = entry.CreatedBy is null ? "an unnamed writer" : $"{entry.CreatedBy} (self-reported)";
        var summary = $"Suppression entry '{Detection.TextBounds.Cut(entry.Id, 128)}' {verb} by {Detection.TextBounds.Cut(by, 256)}: {Detection.TextBounds.Cut(entry.Reason, 256)}";
        return new SuppressionAudit(change, severity, summary, reasons, changed, broad);
    }

    public static IReadOnlyList<string> ChangedFields(SuppressionEntry? before, SuppressionEntry? after)
    {
        if (before is null || after is null)
        {
            return [];
        }

        var fields = new List<string>();
        void Compare(string name, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                fields.Add(name);
            }
        }

        Compare(SuppressionEntryReader.Reason, before.Reason, after.Reason);
        Compare(SuppressionEntryReader.ExpiresAt, before.ExpiresAt, after.ExpiresAt);
        foreach (var selector in SuppressionSelectors.All)
        {
            Compare(selector.Name, selector.Get(before), selector.Get(after));
        }

        Compare(SuppressionEntryReader.CreatedBy, before.CreatedBy, after.CreatedBy);
        return fields;
    }

    public static RuleDefinition Rule => SuppressionListChangedRule.Definition;
}
