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

    public Option<string?> Principal { get; } = new("--principal") { Description = "Glob on the actor principal ARN (IAM user, or the role of a session)" };

    public Option<string?> Function { get; } = new("--function") { Description = "Glob on the target function name" };

    public Option<string?> Api { get; } = new("--api") { Description = "Glob on the API name without version suffix (UpdateFunctionCode)" };

    public Option<string?> RuleId { get; } = new("--rule-id") { Description = "Glob on the rule id (LG001)" };

    public Option<string?> Account { get; } = new("--account") { Description = "Glob on the account id" };

    public Option<string?> MatchRegion { get; } = new("--match-region") { Description = "Glob on the event's region (the entry's region field; --region picks the table's region)" };

    public Option<bool> AllowBroad { get; } = new("--allow-broad") { Description = "Store an entry whose selectors are all * (it silences every suppressible finding; alerted as High)" };

    public Option<int> MaxDays { get; } = new("--max-days") { Description = "Refuse an expiry further ahead than this many days", DefaultValueFactory = _ => SuppressionValidator.DefaultMaxExpiryDays };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { Reason, ExpiresAt, Principal, Function, Api, RuleId, Account, MatchRegion, AllowBroad, MaxDays })
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
            Principal = parse.GetValue(Principal),
            Function = parse.GetValue(Function),
            Api = parse.GetValue(Api),
            RuleId = parse.GetValue(RuleId),
            Account = parse.GetValue(Account),
            Region = parse.GetValue(MatchRegion),
            AllowBroad = parse.GetValue(AllowBroad),
            MaxDays = parse.GetValue(MaxDays),
        };
    }
}
