using System.CommandLine;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>The entry fields of <c>add</c> and <c>update</c>. For update every field is optional and an empty
/// value (<c>--function ""</c>) removes that selector.</summary>
public sealed class SuppressionFieldOptions
{
    public SuppressionFieldOptions(bool forAdd)
    {
        Reason = new("--reason") { Description = "Why these findings are expected, e.g. a ticket reference", Required = forAdd };
        ExpiresAt = new("--expires-at") { Description = "ISO 8601 UTC time (2026-03-01T00:00:00Z) or a span from now (30d, 12h, 2w)", Required = forAdd };
    }

    public Option<string?> Reason { get; }

    public Option<string?> ExpiresAt { get; }

    /// <summary>One option per selector, in the selector table's order.</summary>
    public IReadOnlyList<(SuppressionSelector Selector, Option<string?> Option)> Selectors { get; } =
        SuppressionSelectors.All.Select(s => (s, new Option<string?>(s.CliFlag) { Description = s.Description })).ToList();

    public Option<bool> AllowBroad { get; } = new("--allow-broad") { Description = "Store an entry whose selectors are all * (it silences every suppressible finding; alerted as High)" };

    public Option<int> MaxDays { get; } = new("--max-days") { Description = "Refuse an expiry further ahead than this many days", DefaultValueFactory = _ => SuppressionValidator.DefaultMaxExpiryDays };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Reason, ExpiresAt }.Concat(Selectors.Select(s => s.Option)).Append(AllowBroad).Append(MaxDays))
        {
            command.Options.Add(option);
        }
    }

    public SuppressionFieldValues Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new SuppressionFieldValues
        {
            Reason = parse.GetValue(Reason),
            ExpiresAt = parse.GetValue(ExpiresAt),
            Selectors = Selectors
                .Select(s => (s.Selector.Name, Value: parse.GetValue(s.Option)))
                .Where(s => s.Value is not null)
                .ToDictionary(s => s.Name, s => s.Value!, StringComparer.Ordinal),
            AllowBroad = parse.GetValue(AllowBroad),
            MaxDays = parse.GetValue(MaxDays),
        };
    }
}
