using System.Buffers;
using System.Text.Unicode;

namespace LambdaGuard.Core.Reading;

/// <summary>Finds where one JSON object ends without Utf8JsonReader: string bodies are crossed with a
/// vectorized search, and the few bytes between strings are checked against a strict subset of JSON. It
/// only ever says "this is a complete, valid object of N bytes" or "not sure"; anything outside the subset
/// (comments, trailing commas, \u escapes, invalid UTF-8, deep nesting, a value cut off by the buffer)
/// is "not sure", and the caller then tokenizes the value as before, so every diagnostic stays the
/// tokenizer's own. Almost every record of a real archive is in the subset, and most of them are another
/// service's and never need more than their boundaries.</summary>
internal static class StructuralCut
{
    /// <summary>Utf8JsonReader refuses nesting beyond 64; staying well below leaves that message to it.</summary>
    private const int MaxDepth = 48;

    // What ends a run of plain string bytes: the closing quote, an escape, or a control byte (invalid in JSON).
    private static readonly SearchValues<byte> StringStops = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f"u8);

    private enum Expect
    {
        KeyOrEnd,
        Key,
        Colon,
        Value,
        ValueOrEnd,
        CommaOrEnd,
    }

    /// <summary>True when <paramref name="json"/> starts with a complete JSON object that Utf8JsonReader
    /// (with <see cref="CloudTrailReader.Options"/>) would accept and skip in exactly
    /// <paramref name="length"/> bytes.</summary>
    public static bool TryCutObject(ReadOnlySpan<byte> json, out int length)
    {
        length = 0;
        if (json.IsEmpty || json[0] != (byte)'{')
        {
            return false;
        }

        // One bit per open container: 1 for an object, 0 for an array.
        ulong containers = 1;
        var depth = 1;
        var expect = Expect.KeyOrEnd;
        var i = 1;
        while (true)
        {
            if (i >= json.Length)
            {
                return false;
            }

            var b = json[i];
            if (b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                i++;
                continue;
            }

            switch (expect)
            {
                case Expect.KeyOrEnd or Expect.Key:
                    if (b == (byte)'"')
                    {
                        if (!SkipString(json, ref i))
                        {
                            return false;
                        }

                        expect = Expect.Colon;
                        continue;
                    }

                    if (b == (byte)'}' && expect == Expect.KeyOrEnd)
                    {
                        break; // closes below
                    }

                    return false;
                case Expect.Colon:
                    if (b != (byte)':')
                    {
                        return false;
                    }

                    i++;
                    expect = Expect.Value;
                    continue;
                case Expect.Value or Expect.ValueOrEnd:
                    if (b == (byte)']' && expect == Expect.ValueOrEnd)
                    {
                        break; // closes below
                    }

                    switch (b)
                    {
                        case (byte)'{' or (byte)'[':
                            if (depth >= MaxDepth)
                            {
                                return false;
                            }

                            containers = (containers << 1) | (b == (byte)'{' ? 1UL : 0UL);
                            depth++;
                            i++;
                            expect = b == (byte)'{' ? Expect.KeyOrEnd : Expect.ValueOrEnd;
                            continue;
                        case (byte)'"':
                            if (!SkipString(json, ref i))
                            {
                                return false;
                            }

                            break;
                        case (byte)'t':
                            if (!SkipLiteral(json, ref i, "true"u8))
                            {
                                return false;
                            }

                            break;
                        case (byte)'f':
                            if (!SkipLiteral(json, ref i, "false"u8))
                            {
                                return false;
                            }

                            break;
                        case (byte)'n':
                            if (!SkipLiteral(json, ref i, "null"u8))
                            {
                                return false;
                            }

                            break;
                        case (byte)'-' or (>= (byte)'0' and <= (byte)'9'):
                            if (!SkipNumber(json, ref i))
                            {
                                return false;
                            }

                            break;
                        default:
                            return false;
                    }

                    expect = Expect.CommaOrEnd;
                    continue;
                case Expect.CommaOrEnd:
                    if (b == (byte)',')
                    {
                        i++;
                        expect = (containers & 1) == 1 ? Expect.Key : Expect.Value;
                        continue;
                    }

                    if (b != ((containers & 1) == 1 ? (byte)'}' : (byte)']'))
                    {
                        return false;
                    }

                    break; // closes below
            }

            // A container closes here; the loops above only fall through for a matching '}' or ']'.
            if ((b == (byte)'}') != ((containers & 1) == 1))
            {
                return false;
            }

            i++;
            depth--;
            containers >>= 1;
            if (depth == 0)
            {
                // Utf8JsonReader never checks UTF-8 here the same way; such a record is left to it.
                if (!Utf8.IsValid(json[..i]))
                {
                    return false;
                }

                length = i;
                return true;
            }

            expect = Expect.CommaOrEnd;
        }
    }

    /// <summary>From an opening quote to just past its closing quote. Only the short escapes are accepted.</summary>
    private static bool SkipString(ReadOnlySpan<byte> json, ref int i)
    {
        var at = i + 1;
        while (true)
        {
            var stop = json[at..].IndexOfAny(StringStops);
            if (stop < 0)
            {
                return false;
            }

            at += stop;
            var b = json[at];
            if (b == (byte)'"')
            {
                i = at + 1;
                return true;
            }

            if (b != (byte)'\\' || at + 1 >= json.Length)
            {
                return false;
            }

            if (json[at + 1] is not ((byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t'))
            {
                return false;
            }

            at += 2;
        }
    }

    private static bool SkipLiteral(ReadOnlySpan<byte> json, ref int i, ReadOnlySpan<byte> literal)
    {
        if (!json[i..].StartsWith(literal))
        {
            return false;
        }

        i += literal.Length;
        return EndsValue(json, i);
    }

    /// <summary>-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? followed by a delimiter.</summary>
    private static bool SkipNumber(ReadOnlySpan<byte> json, ref int i)
    {
        var at = i;
        if (json[at] == (byte)'-')
        {
            at++;
        }

        if (at >= json.Length || !IsDigit(json[at]))
        {
            return false;
        }

        if (json[at] == (byte)'0')
        {
            at++;
        }
        else
        {
            while (at < json.Length && IsDigit(json[at]))
            {
                at++;
            }
        }

        if (at < json.Length && json[at] == (byte)'.')
        {
            at++;
            if (!Digits(json, ref at))
            {
                return false;
            }
        }

        if (at < json.Length && json[at] is (byte)'e' or (byte)'E')
        {
            at++;
            if (at < json.Length && json[at] is (byte)'+' or (byte)'-')
            {
                at++;
            }

            if (!Digits(json, ref at))
            {
                return false;
            }
        }

        i = at;
        return EndsValue(json, at);
    }

    private static bool Digits(ReadOnlySpan<byte> json, ref int at)
    {
        var from = at;
        while (at < json.Length && IsDigit(json[at]))
        {
            at++;
        }

        return at > from;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    /// <summary>A scalar is only certain when a delimiter follows it inside the buffer.</summary>
    private static bool EndsValue(ReadOnlySpan<byte> json, int at) =>
        at < json.Length && json[at] is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t';
}
