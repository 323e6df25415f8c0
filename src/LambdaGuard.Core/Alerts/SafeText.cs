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

        var cut = WellFormed(Detection.TextBounds.Cut(value, maxChars));
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

    /// <summary>Chat (Slack mrkdwn, Teams markdown through AWS Chatbot's client-markdown): the value in an
    /// inline code span, where neither client renders formatting, links or mentions. Slack has no backslash
    /// escapes, so nothing is backslash-escaped: a backtick inside the value is replaced (it would close the
    /// span), <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> become entities (Slack's only escapes; they defuse
    /// <c>&lt;!channel&gt;</c> and <c>&lt;url|text&gt;</c>), and control or format characters show as
    /// <c>[U+000A]</c> so a value cannot break the line or hide text.</summary>
    public static string Code(string? value, int maxChars = MaxFactChars)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var cut = WellFormed(Detection.TextBounds.Cut(value, maxChars));
        var builder = new StringBuilder(cut.Length + 8).Append('`');
        foreach (var c in cut)
        {
            switch (c)
            {
                case '`':
                    builder.Append('\u02CB');
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    if (NeedsEscape(c))
                    {
                        builder.Append("[U+").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('`').ToString();
    }

    /// <summary>Replaces unpaired surrogates (e.g. a logged <c>\udc00</c>) with U+FFFD: UTF-8 encoders and
    /// JSON writers refuse them, and one hostile name must not cost the alert.</summary>
    public static string WellFormed(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var firstBad = FirstUnpairedSurrogate(value);
        if (firstBad < 0)
        {
            return value;
        }

        var chars = value.ToCharArray();
        for (var i = firstBad; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
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

    private static int FirstUnpairedSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool NeedsEscape(char c) =>
        char.IsControl(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator
            or System.Globalization.UnicodeCategory.ParagraphSeparator;
}
