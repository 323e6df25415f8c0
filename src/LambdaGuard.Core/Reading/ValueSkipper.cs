using System.Buffers;

namespace LambdaGuard.Core.Reading;

/// <summary>Finds where a JSON value ends by following only strings and brackets, chunk by chunk, so a
/// value too large to buffer (or too broken to tokenize) can be stepped over in constant memory. It does
/// not validate: whatever it steps over is reported, never evaluated.</summary>
internal struct ValueSkipper
{
    private static readonly SearchValues<byte> Structure = SearchValues.Create("\"{}[]\n"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\\n"u8);
    private static readonly SearchValues<byte> Openers = SearchValues.Create("{["u8);
    private static readonly SearchValues<byte> Closers = SearchValues.Create("}]"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(" \t\r\n,]}"u8);

    private Kind _kind;
    private long _depth;
    private bool _inString;
    private bool _pendingEscape;
    private bool _pendingNewline;

    private enum Kind
    {
        Unknown,
        Container,
        String,
        Scalar,
    }

    /// <summary>Consumes the next chunk of the value. Returns how many bytes of <paramref name="chunk"/>
    /// belong to the value when it ends inside it, or -1 when the whole chunk does and more is needed.
    /// A line that starts with a value (column 0, as JSON Lines have them) also ends the skip, with
    /// <paramref name="atLineStart"/> set: a broken line must not swallow the lines after it, and inside a
    /// real log file's array such lines do not occur (minified: no newlines; pretty-printed: indented).</summary>
    public int Advance(ReadOnlySpan<byte> chunk, out bool atLineStart)
    {
        atLineStart = false;
        var i = 0;
        if (_pendingNewline && chunk.Length > 0)
        {
            _pendingNewline = false;
            if (StartsValue(chunk[0]))
            {
                atLineStart = true;
                return 0;
            }
        }

        if (_kind == Kind.Unknown)
        {
            if (chunk.IsEmpty)
            {
                return -1;
            }

            _kind = chunk[0] switch
            {
                (byte)'{' or (byte)'[' => Kind.Container,
                (byte)'"' => Kind.String,
                _ => Kind.Scalar,
            };
            // The first byte always belongs to the value, so every call that finds the end moves forward.
            _inString = _kind == Kind.String;
            i = _kind == Kind.Container ? 0 : 1;
        }

        if (_kind == Kind.Scalar)
        {
            var end = chunk[i..].IndexOfAny(ScalarEnd);
            return end < 0 ? -1 : i + end;
        }

        if (_pendingEscape && i < chunk.Length)
        {
            _pendingEscape = false;
            i += chunk[i] == (byte)'\n' ? 0 : 1;
        }

        while (i < chunk.Length)
        {
            if (_inString)
            {
                var at = chunk[i..].IndexOfAny(StringEnd);
                if (at < 0)
                {
                    return -1;
                }

                i += at;
                if (chunk[i] == (byte)'\n')
                {
                    // A raw newline cannot be inside a JSON string: the line broke here.
                    _inString = false;
                    if (NewlineEndsSkip(chunk, ref i, out atLineStart))
                    {
                        return i;
                    }

                    continue;
                }

                if (chunk[i] == (byte)'\\')
                {
                    if (i + 1 >= chunk.Length)
                    {
                        _pendingEscape = true;
                        return -1;
                    }

                    // A backslash escapes no raw newline in JSON: the line broke here all the same, and
                    // taking the newline as escaped would carry the skip into the next line unnoticed.
                    i += chunk[i + 1] == (byte)'\n' ? 1 : 2;
                    continue;
                }

                _inString = false;
                i++;
                if (_depth == 0)
                {
                    return i;
                }

                continue;
            }

            var next = chunk[i..].IndexOfAny(Structure);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            var c = chunk[i];
            if (c == (byte)'\n')
            {
                if (NewlineEndsSkip(chunk, ref i, out atLineStart))
                {
                    return i;
                }

                continue;
            }

            if (c == (byte)'"')
            {
                _inString = true;
                i++;
                continue;
            }

            // Runs of brackets are taken whole: a bomb of a billion '[' costs a vectorized scan, not a loop.
            var opening = c is (byte)'{' or (byte)'[';
            var run = chunk[i..].IndexOfAnyExcept(opening ? Openers : Closers);
            if (run < 0)
            {
                run = chunk.Length - i;
            }

            if (opening)
            {
                _depth += run;
                i += run;
            }
            else if (run >= _depth)
            {
                return i + (int)Math.Max(_depth, 1);
            }
            else
            {
                _depth -= run;
                i += run;
            }
        }

        return -1;
    }

    /// <summary>At a newline: true (with <paramref name="i"/> just past it) when the next line starts a
    /// value; otherwise steps over it. A newline at the end of the chunk is decided by the next chunk.</summary>
    private bool NewlineEndsSkip(ReadOnlySpan<byte> chunk, ref int i, out bool atLineStart)
    {
        atLineStart = false;
        i++;
        if (i >= chunk.Length)
        {
            _pendingNewline = true;
            return false;
        }

        if (StartsValue(chunk[i]))
        {
            atLineStart = true;
            return true;
        }

        return false;
    }

    internal static bool StartsValue(byte b) =>
        b is (byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9');
}
