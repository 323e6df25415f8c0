using System.Text;
using System.Text.Unicode;

namespace LambdaGuard.Core.Reading;

/// <summary>Makes every string of a record decodable before it is read: bytes that are not UTF-8 and
/// escapes of lone surrogates (<c>\udc00</c>) become U+FFFD, the replacement character, which also marks
/// the spot. Caller-chosen strings (a user agent, a function name) can hold either; without this, one such
/// string would make the whole record unreadable and silence its finding.</summary>
internal static class TextRepair
{
    /// <summary>The repaired copy, or null when the record needs no repair (the common case, found with two
    /// vectorized scans).</summary>
    public static byte[]? Repair(ReadOnlySpan<byte> json)
    {
        var validUtf8 = Utf8.IsValid(json);
        if (validUtf8 && !MayHoldSurrogateEscape(json))
        {
            return null;
        }

        // Invalid bytes can only sit inside strings (the record was tokenized already), so replacing them
        // keeps the structure.
        var bytes = validUtf8 ? json.ToArray() : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(json));
        var replaced = ReplaceLoneSurrogateEscapes(bytes);
        return validUtf8 && !replaced ? null : bytes;
    }

    private static bool MayHoldSurrogateEscape(ReadOnlySpan<byte> json) =>
        json.IndexOf("\\ud"u8) >= 0 || json.IndexOf("\\uD"u8) >= 0;

    /// <summary>Rewrites each <c>\uD800</c>–<c>\uDFFF</c> escape that is not half of a pair as
    /// <c>\ufffd</c>, in place (both are six bytes).</summary>
    private static bool ReplaceLoneSurrogateEscapes(Span<byte> json)
    {
        var replaced = false;
        var i = 0;
        while (true)
        {
            var at = json[i..].IndexOf((byte)'\\');
            if (at < 0)
            {
                return replaced;
            }

            i += at;
            if (i + 1 >= json.Length)
            {
                return replaced;
            }

            if (json[i + 1] != (byte)'u' || !TryHex(json, i + 2, out var unit))
            {
                i += 2;
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDBFF
                && i + 11 < json.Length
                && json[i + 6] == (byte)'\\'
                && json[i + 7] == (byte)'u'
                && TryHex(json, i + 8, out var low)
                && low is >= 0xDC00 and <= 0xDFFF)
            {
                i += 12;
                continue;
            }

            if (unit is >= 0xD800 and <= 0xDFFF)
            {
                "\\ufffd"u8.CopyTo(json[i..]);
                replaced = true;
            }

            i += 6;
        }
    }

    private static bool TryHex(ReadOnlySpan<byte> json, int at, out int value)
    {
        value = 0;
        if (at + 4 > json.Length)
        {
            return false;
        }

        foreach (var b in json.Slice(at, 4))
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }
}
