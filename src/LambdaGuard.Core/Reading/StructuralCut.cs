using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
        var none = default(NoNotes);
        return Cut(json, out length, ref none);
    }

    /// <summary>As above, also noting where the fields of <see cref="RecordHeader"/> sit, so that a record
    /// can be judged without tokenizing it (<see cref="RecordHeader.FromCut"/>).</summary>
    public static bool TryCutObject(ReadOnlySpan<byte> json, out int length, out HeaderSpans header)
    {
        header = default;
        return Cut(json, out length, ref header);
    }

    /// <summary>The cut, generic over what it notes on the way so that the plain cut pays nothing for it.</summary>
    private static bool Cut<TNotes>(ReadOnlySpan<byte> json, out int length, ref TNotes notes)
        where TNotes : struct, ICutNotes
    {
        length = 0;
        if (json.IsEmpty || json[0] != (byte)'{')
        {
            return false;
        }

        // One bit per open container: 1 for an object, 0 for an array.
        ulong containers = 1;
        var stops = new StringStops(json);
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
                        var key = i + 1;
                        if (!SkipString(json, ref stops, ref i))
                        {
                            return false;
                        }

                        notes.Key(json[key..(i - 1)], depth);
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

                    var valueStart = i;
                    switch (b)
                    {
                        case (byte)'{' or (byte)'[':
                            if (depth >= MaxDepth)
                            {
                                return false;
                            }

                            notes.Value(i, 1, b);

                            containers = (containers << 1) | (b == (byte)'{' ? 1UL : 0UL);
                            depth++;
                            i++;
                            expect = b == (byte)'{' ? Expect.KeyOrEnd : Expect.ValueOrEnd;
                            continue;
                        case (byte)'"':
                            if (!SkipString(json, ref stops, ref i))
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

                    notes.Value(valueStart, i - valueStart, b);

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
            notes.Closed(depth);
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

    private struct NoNotes : ICutNotes
    {
        public readonly void Key(ReadOnlySpan<byte> key, int depth)
        {
        }

        public readonly void Value(int start, int length, byte first)
        {
        }

        public readonly void Closed(int depth)
        {
        }
    }

    /// <summary>From an opening quote to just past its closing quote. Only the short escapes are accepted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SkipString(ReadOnlySpan<byte> json, ref StringStops stops, ref int i)
    {
        var at = i + 1;
        while (true)
        {
            at = stops.Next(at);
            if (at < 0)
            {
                return false;
            }

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

    /// <summary>Where a run of plain string bytes ends (the closing quote, an escape, or a control byte, which
    /// is invalid in JSON), found 64 bytes at a time: one bit per byte, so most strings of a record cost a
    /// shift and a bit count instead of a search call each.</summary>
    private ref struct StringStops(ReadOnlySpan<byte> json)
    {
        private readonly ReadOnlySpan<byte> _json = json;
        private int _block = -1;
        private ulong _mask;

        /// <summary>The first stop at or after <paramref name="from"/>, or -1.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Next(int from)
        {
            while (from < _json.Length)
            {
                var block = from & ~63;
                if (block != _block)
                {
                    _block = block;
                    _mask = Mask(_json[block..]);
                }

                var rest = _mask >> (from - block);
                if (rest != 0)
                {
                    return from + BitOperations.TrailingZeroCount(rest);
                }

                from = block + 64;
            }

            return -1;
        }

        private static ulong Mask(ReadOnlySpan<byte> bytes) =>
            bytes.Length < 64 ? ScalarStops(bytes) : Vector256.IsHardwareAccelerated ? Stops256(bytes) : Stops128(bytes);
    }

    /// <summary>The stop bits of up to 64 bytes, one at a time: the short last block of a buffer.</summary>
    internal static ulong ScalarStops(ReadOnlySpan<byte> bytes)
    {
        ulong stops = 0;
        for (var k = 0; k < bytes.Length && k < 64; k++)
        {
            if (bytes[k] is (byte)'"' or (byte)'\\' or < 0x20)
            {
                stops |= 1UL << k;
            }
        }

        return stops;
    }

    /// <summary>The stop bits of the first 64 bytes with AVX2-width vectors.</summary>
    internal static ulong Stops256(ReadOnlySpan<byte> bytes)
    {
        ref var start = ref MemoryMarshal.GetReference(bytes[..64]);
        return Stops(Vector256.LoadUnsafe(ref start)) | ((ulong)Stops(Vector256.LoadUnsafe(ref start, 32)) << 32);
    }

    /// <summary>The stop bits of the first 64 bytes with 128-bit vectors (arm64, or x64 without AVX2).</summary>
    internal static ulong Stops128(ReadOnlySpan<byte> bytes)
    {
        ref var start = ref MemoryMarshal.GetReference(bytes[..64]);
        return Stops(Vector128.LoadUnsafe(ref start))
            | ((ulong)Stops(Vector128.LoadUnsafe(ref start, 16)) << 16)
            | ((ulong)Stops(Vector128.LoadUnsafe(ref start, 32)) << 32)
            | ((ulong)Stops(Vector128.LoadUnsafe(ref start, 48)) << 48);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Stops(Vector256<byte> v) =>
        (Vector256.Equals(v, Vector256.Create((byte)'"'))
            | Vector256.Equals(v, Vector256.Create((byte)'\\'))
            | Vector256.LessThan(v, Vector256.Create((byte)0x20))).ExtractMostSignificantBits();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Stops(Vector128<byte> v) =>
        (Vector128.Equals(v, Vector128.Create((byte)'"'))
            | Vector128.Equals(v, Vector128.Create((byte)'\\'))
            | Vector128.LessThan(v, Vector128.Create((byte)0x20))).ExtractMostSignificantBits();

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
