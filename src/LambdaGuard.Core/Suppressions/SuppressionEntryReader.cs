using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Suppressions;

/// <summary>Reads one entry from its stored fields, whatever held them (the JSON file, a table item, a
/// stream image). Strict in the safe direction (docs/detections.md §5): a field it cannot read is never
/// dropped quietly, because a dropped selector would widen the entry; the entry is kept with the problem
/// recorded, and then suppresses nothing.</summary>
public static class SuppressionEntryReader
{
    public const string Id = "id";
    public const string Reason = "reason";
    public const string ExpiresAt = "expiresAt";
    public const string CreatedBy = "createdBy";
    public const string CreatedAt = "createdAt";

    /// <summary>Every field an entry may have, in the order files and tables list them.</summary>
    public static IReadOnlyList<string> Fields { get; } =
        [Id, Reason, ExpiresAt, .. SuppressionSelectors.Names, CreatedBy, CreatedAt];

    /// <param name="storageKeys">Attributes the store itself owns (the table's key, version and TTL); they
    /// are not entry fields and are passed over.</param>
    public static SuppressionReadResult Read(IEnumerable<KeyValuePair<string, SuppressionStoredValue>> stored, IReadOnlyCollection<string>? storageKeys = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var problems = new List<SuppressionProblem>();
        var values = new Dictionary<string, SuppressionStoredValue>(StringComparer.Ordinal);
        foreach (var (name, value) in stored)
        {
            if (storageKeys?.Contains(name) == true)
            {
                continue;
            }

            if (!Fields.Contains(name))
            {
                problems.Add(new SuppressionProblem(name, $"'{Cut(name)}' is not an entry field", UnknownFieldFix(name)));
                continue;
            }

            if (!values.TryAdd(name, value))
            {
                problems.Add(new SuppressionProblem(name, $"'{name}' appears more than once", "keep one"));
            }
        }

        var id = values.TryGetValue(Id, out var idValue) && idValue.Kind == SuppressionStoredValueKind.String ? idValue.Text : null;
        if (string.IsNullOrWhiteSpace(id))
        {
            var what = !values.ContainsKey(Id) ? "missing"
                : idValue.Kind == SuppressionStoredValueKind.String ? "empty"
                : $"is {idValue.Describe()}, not a string";
            problems.Insert(0, new SuppressionProblem(Id, what, "give every entry a unique id"));
            return new SuppressionReadResult(null, problems, []);
        }

        var entry = new SuppressionEntry
        {
            Id = id,
            Reason = OptionalText(values, Reason, problems) ?? string.Empty,
            ExpiresAt = OptionalTime(values, ExpiresAt, problems),
            CreatedBy = OptionalText(values, CreatedBy, problems),
            CreatedAt = OptionalTime(values, CreatedAt, problems),
        };
        foreach (var selector in SuppressionSelectors.All)
        {
            if (!values.TryGetValue(selector.Name, out var value))
            {
                continue;
            }

            if (value.Kind == SuppressionStoredValueKind.String)
            {
                entry = selector.With(entry, value.Text);
            }
            else
            {
                problems.Add(new SuppressionProblem(selector.Name, $"is {value.Describe()}, not a string", $"give a non-empty glob string, or leave {selector.Name} out"));
            }
        }

        entry = entry with { ReadProblems = problems.Count == 0 ? Array.Empty<SuppressionProblem>() : problems };
        var validation = SuppressionValidator.ValidateForUse(entry);
        return new SuppressionReadResult(entry, validation.Problems, validation.Warnings);
    }

    private static string? OptionalText(Dictionary<string, SuppressionStoredValue> values, string name, List<SuppressionProblem> problems)
    {
        if (!values.TryGetValue(name, out var value) || value.Kind == SuppressionStoredValueKind.Null)
        {
            return null;
        }

        if (value.Kind != SuppressionStoredValueKind.String)
        {
            problems.Add(new SuppressionProblem(name, $"is {value.Describe()}, not a string", $"store {name} as text"));
            return null;
        }

        return value.Text;
    }

    private static DateTimeOffset? OptionalTime(Dictionary<string, SuppressionStoredValue> values, string name, List<SuppressionProblem> problems)
    {
        var text = OptionalText(values, name, problems);
        if (text is null)
        {
            return null;
        }

        if (IsoTime.TryParse(text, out var time))
        {
            return time;
        }

        problems.Add(new SuppressionProblem(name, $"'{Cut(text)}' is not a readable time", "give " + IsoTime.Expected));
        return null;
    }

    private static string UnknownFieldFix(string name)
    {
        var closest = Fields.Select(f => (Field: f, Distance: EditDistance(name.ToLowerInvariant(), f.ToLowerInvariant()))).MinBy(x => x.Distance);
        var hint = closest.Distance <= 2 ? $"did you mean '{closest.Field}'? " : string.Empty;
        return $"{hint}fields are {string.Join(", ", Fields)}";
    }

    private static int EditDistance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static string Cut(string text) => Alerts.SafeText.Line(text, 80);
}
