using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>Turns command-line values into the entry to store and collects everything wrong with it, so an
/// admin sees every problem at once and nothing is written while any remains.</summary>
public static class SuppressionDraft
{
    public const int MaxDaysLimit = 3650;

    /// <param name="basis">The stored entry for update (absent fields keep its values; an empty selector
    /// removes it); null for add.</param>
    public static (SuppressionEntry Entry, IReadOnlyList<SuppressionProblem> Problems) Build(
        string id, SuppressionFieldValues values, SuppressionEntry? basis, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(values);
        var problems = new List<SuppressionProblem>();
        var expiresAt = basis?.ExpiresAt;
        if (values.ExpiresAt is { } expiryText)
        {
            if (ExpiryParser.TryParse(expiryText, now, out var parsed))
            {
                expiresAt = parsed;
            }
            else
            {
                problems.Add(new SuppressionProblem("expiresAt", $"'{expiryText}' is not a time", ExpiryParser.Expected));
                expiresAt = null;
            }
        }

        var entry = new SuppressionEntry
        {
            Id = id,
            Reason = values.Reason ?? basis?.Reason ?? string.Empty,
            ExpiresAt = expiresAt,
            CreatedBy = basis?.CreatedBy,
            CreatedAt = basis?.CreatedAt,
            Version = basis?.Version,
        };
        foreach (var selector in SuppressionSelectors.All)
        {
            var value = values.Selectors.TryGetValue(selector.Name, out var given)
                ? (given.Length == 0 ? null : given)
                : basis is null ? null : selector.Get(basis);
            entry = selector.With(entry, value);
        }

        return (entry, problems);
    }

    /// <summary>Core's write rules plus the CLI's refusal of broad entries (Core decides what is broad).</summary>
    public static IReadOnlyList<SuppressionProblem> Validate(SuppressionEntry entry, DateTimeOffset now, int maxDays, bool allowBroad, IReadOnlyList<SuppressionProblem>? earlier = null)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var problems = new List<SuppressionProblem>(earlier ?? []);
        if (maxDays is < 1 or > MaxDaysLimit)
        {
            problems.Add(new SuppressionProblem("maxDays", $"{maxDays} is out of range", $"give a number of days from 1 to {MaxDaysLimit}"));
            maxDays = SuppressionValidator.DefaultMaxExpiryDays;
        }

        var validation = SuppressionValidator.ValidateForWrite(entry, now, maxDays);

        // An unreadable --expires-at is already reported in the admin's own words.
        var expiryReported = problems.Any(p => p.Field == "expiresAt");
        problems.AddRange(validation.Problems.Where(p => !(expiryReported && p.Field == "expiresAt")));
        if (validation.IsBroad && !allowBroad)
        {
            problems.Add(new SuppressionProblem(
                "entry",
                "every selector is universal (*), so the entry would silence every suppressible finding that is not Critical",
                "narrow at least one selector, or pass --allow-broad if that is really meant (the change is alerted as High)"));
        }

        return problems;
    }

    /// <summary>Same matching behaviour and reason: who wrote it and when does not count as a change.</summary>
    public static bool SameContent(SuppressionEntry a, SuppressionEntry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Id == b.Id && ContentFields(a).SequenceEqual(ContentFields(b));
    }

    public static IReadOnlyList<string> ChangedFields(SuppressionEntry before, SuppressionEntry after) =>
        SuppressionAuditor.ChangedFields(before, after).Where(f => f != "createdBy").ToList();

    /// <summary>The option that sets a field, so errors name what the admin typed.</summary>
    public static string OptionFor(string field) => field switch
    {
        "id" => "--id",
        "reason" => "--reason",
        "expiresAt" => "--expires-at",
        "maxDays" => "--max-days",
        _ => SuppressionSelectors.Find(field)?.CliFlag ?? "entry",
    };

    public static string Describe(SuppressionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var option = OptionFor(problem.Field);
        var where = option == "entry" ? "entry" : $"{option} ({problem.Field})";
        return $"{where}: {problem.Message}; fix: {problem.Fix}";
    }

    private static object?[] ContentFields(SuppressionEntry e) =>
        [e.Reason, e.ExpiresAt, .. SuppressionSelectors.All.Select(s => s.Get(e))];
}
