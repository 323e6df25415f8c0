using System.Text;

namespace LambdaGuard.Core.Alerts;

/// <summary>Escapes strings that come from the event (function names, user agents, reasons built from them)
/// before they reach a human-facing channel, so a hostile name cannot start a new line, fake a field, render
/// markdown or a link, or hide text behind bidirectional overrides.</summary>
public static class SafeText
{
    public const int MaxFactChars = 1024;

    /// <summary>One line of plain text: control and format characters become visible \uXXXX escapes.</summary>
    public static string Line(string? value, int maxChars = MaxFactChars)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var cut = Detection.TextBounds.Cut(value, maxChars);
        if (!cut.Any(NeedsEscape))
        {
            return cut;
        }

        var builder = new StringBuilder(cut.Length + 16);
        foreach (var c in cut)
        {
            if (NeedsEscape(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Plain line, then every markdown/Slack-significant character backslash-escaped or defused.</summary>
    public static string Markdown(string? value, int maxChars = MaxFactChars)
    {
        var line = Line(value, maxChars);
        var builder = new StringBuilder(line.Length + 16);
        foreach (var c in line)
        {
            switch (c)
            {
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '~' or '|' or '>' or '<' or '!' or '{' or '}':
                    builder.Append('\\').Append(c);
                    break;
                case '@':
                    // Slack/Teams mentions (@here, @channel) cannot be backslash-escaped; a full-width @ reads the same.
                    builder.Append('\uFF20');
                    break;
                case ':':
                    // Breaks autolinking of schemes (https:, javascript:) in chat clients.
                    builder.Append("\\:");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>ASCII printable only (SNS subjects), cut to fit.</summary>
    public static string Ascii(string value, int maxChars)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(Math.Min(value.Length, maxChars));
        foreach (var c in value)
        {
            if (builder.Length >= maxChars)
            {
                break;
            }

            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString().TrimEnd();
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator;
}
