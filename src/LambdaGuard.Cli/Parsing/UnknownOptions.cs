using System.CommandLine;
using System.CommandLine.Parsing;

namespace LambdaGuard.Cli.Parsing;

/// <summary>Finds option-like tokens that no option claimed. System.CommandLine hands an unknown
/// <c>--bogus</c> to a command's PATH argument as a value, so without this check a typo is scanned as a
/// missing file after everything else ran. A token after <c>--</c> is a real argument; a lone <c>-</c> is
/// standard input.</summary>
public static class UnknownOptions
{
    public static IReadOnlyList<string> Find(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var optionValues = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        CollectOptionValues(parse.RootCommandResult, optionValues);
        var unknown = new List<string>();
        foreach (var token in parse.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value) && !optionValues.Contains(token))
            {
                unknown.Add(token.Value);
            }
        }

        foreach (var token in parse.UnmatchedTokens)
        {
            if (LooksLikeOption(token) && !unknown.Contains(token, StringComparer.Ordinal))
            {
                unknown.Add(token);
            }
        }

        return unknown;
    }

    /// <summary>The closest option or subcommand name of <paramref name="command"/>, when one is close enough
    /// to be the likely intent (at most a third of the letters differ).</summary>
    public static string? Suggest(string token, Command command)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(command);
        var name = token.Split('=', 2)[0];
        var candidates = command.Options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name))
            .Concat(command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name, candidate);
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best is not null && bestDistance <= Math.Max(1, name.TrimStart('-').Length / 3) ? best : null;
    }

    private static bool LooksLikeOption(string value) => value.Length > 1 && value[0] == '-';

    private static void CollectOptionValues(CommandResult command, HashSet<Token> values)
    {
        foreach (var child in command.Children)
        {
            switch (child)
            {
                case OptionResult option:
                    foreach (var token in option.Tokens)
                    {
                        values.Add(token);
                    }

                    break;
                case CommandResult subcommand:
                    CollectOptionValues(subcommand, values);
                    break;
            }
        }
    }

    /// <summary>Optimal string alignment distance: a swapped pair (<c>--fromat</c>) counts as one edit.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
