using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace LambdaGuard.Core.Reading;

/// <summary>Streams records out of every input format of docs/interfaces.md (`{"Records":[...]}` log files,
/// single records, EventBridge events, JSON Lines of any of these, plain or gzip), in bounded memory.
/// Almost every record in a real archive belongs to another service, so a record is first cut out as raw
/// bytes and only deserialized when it is Lambda's.</summary>
public sealed class CloudTrailReader
{
    private const int InitialBufferSize = 128 * 1024;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        AllowMultipleValues = true,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>A single JSON value (one record, or a whole log file whose first key is not "Records")
    /// larger than this makes the file unreadable rather than exhausting memory.</summary>
    public int MaxValueBytes { get; init; } = 512 * 1024 * 1024;

    internal static JsonReaderOptions Options => ReaderOptions;

    /// <summary>Reads one file. Never throws for bad content: problems come out as
    /// <see cref="ReadItemKind.MalformedRecord"/> or <see cref="ReadItemKind.FileError"/> items.</summary>
    public IEnumerable<ReadItem> Read(Stream stream, string path, ReadCounters counters)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(counters);
        counters.Files++;

        var session = new FileSession(this, path, counters);
        var output = new List<ReadItem>();
        var more = session.Open(stream, output);
        while (true)
        {
            foreach (var item in output)
            {
                yield return item;
            }

            output.Clear();
            if (!more)
            {
                yield break;
            }

            more = session.Step(output);
        }
    }

    /// <summary>Reads records from bytes already in memory (an EventBridge detail, a test fixture).</summary>
    public IEnumerable<ReadItem> Read(ReadOnlyMemory<byte> json, string path, ReadCounters counters)
    {
        // Array-backed memory (the usual case) is read in place; copying would double the bytes held per event.
        var stream = MemoryMarshal.TryGetArray(json, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(json.ToArray(), writable: false);
        return Read(stream, path, counters);
    }

    private enum Mode
    {
        TopLevel,
        RecordsArray,
        LogObjectTail,
    }

    private enum ParseResult
    {
        NeedMore,
        Restart,
        Finished,
    }

    private sealed class FileSession(CloudTrailReader owner, string path, ReadCounters counters)
    {
        private readonly RecordClassifier _classifier = new(path, counters);
        private Stream _source = Stream.Null;
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        private int _start;
        private int _end;
        private long _bufferOffset;
        private bool _eof;
        private JsonReaderState _state = new(ReaderOptions);
        private Mode _mode = Mode.TopLevel;
        private bool _arrayIsTopLevel;
        private bool _forceWholeValue;
        private long _valueStart;
        private int _valuesRead;
        private bool _bomChecked;

        public bool Open(Stream stream, List<ReadItem> output)
        {
            try
            {
                _source = SniffCompression(stream);
                return true;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                AddFileError(output, $"cannot read: {ex.Message}");
                return false;
            }
        }

        public bool Step(List<ReadItem> output)
        {
            try
            {
                Fill();
                SkipByteOrderMark();
                while (true)
                {
                    var result = Parse(output);
                    if (result == ParseResult.Restart)
                    {
                        continue;
                    }

                    if (result == ParseResult.Finished)
                    {
                        if (_valuesRead == 0)
                        {
                            AddFileError(output, "not JSON: the file holds no JSON value");
                        }

                        Release();
                        return false;
                    }

                    return true;
                }
            }
            catch (JsonException ex)
            {
                return Recover(output, ex.Message);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException)
            {
                AddFileError(output, $"cannot read past byte {_bufferOffset + _start}: {ex.Message}");
                return false;
            }
            catch (RecordTooLargeException ex)
            {
                AddFileError(output, ex.Message);
                return false;
            }
        }

        private Stream SniffCompression(Stream stream)
        {
            var prefix = new byte[2];
            var read = 0;
            while (read < 2)
            {
                var n = stream.Read(prefix, read, 2 - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            Stream replay = stream.CanSeek
                ? SeekBack(stream, read)
                : new PrefixedStream(prefix, read, stream);
            return read == 2 && prefix[0] == 0x1f && prefix[1] == 0x8b
                ? new GZipStream(replay, CompressionMode.Decompress)
                : replay;
        }

        private static Stream SeekBack(Stream stream, int read)
        {
            stream.Seek(-read, SeekOrigin.Current);
            return stream;
        }

        private void Fill()
        {
            if (_eof)
            {
                return;
            }

            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _bufferOffset += _start;
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= owner.MaxValueBytes)
                {
                    throw new RecordTooLargeException(
                        $"a single JSON value at byte {_bufferOffset} is larger than {owner.MaxValueBytes / (1024 * 1024)} MiB");
                }

                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, owner.MaxValueBytes));
                Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            var n = _source.Read(_buffer, _end, _buffer.Length - _end);
            if (n == 0)
            {
                _eof = true;
            }

            _end += n;
            counters.Bytes += n;
        }

        /// <summary>Files saved by Windows tools start with a UTF-8 byte order mark, which Utf8JsonReader
        /// rejects; such a file is still JSON.</summary>
        private void SkipByteOrderMark()
        {
            if (_bomChecked)
            {
                return;
            }

            while (_end - _start < 3 && !_eof)
            {
                Fill();
            }

            _bomChecked = true;
            if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
            {
                _start += 3;
            }
        }

        private ParseResult Parse(List<ReadItem> output)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var reader = new Utf8JsonReader(span, _eof, _state);
            while (true)
            {
                var before = (int)reader.BytesConsumed;
                var beforeState = reader.CurrentState;
                if (!reader.Read())
                {
                    return Commit(ref reader, _eof ? ParseResult.Finished : ParseResult.NeedMore);
                }

                switch (_mode)
                {
                    case Mode.TopLevel:
                        var top = ParseTopLevel(ref reader, span, before, beforeState, output);
                        if (top is not null)
                        {
                            return top.Value;
                        }

                        break;

                    case Mode.RecordsArray:
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            _mode = _arrayIsTopLevel ? Mode.TopLevel : Mode.LogObjectTail;
                            break;
                        }

                        var elementStart = (int)reader.TokenStartIndex;
                        _valueStart = _bufferOffset + _start + elementStart;
                        var kind = reader.TokenType;
                        if ((kind is JsonTokenType.StartObject or JsonTokenType.StartArray) && !reader.TrySkip())
                        {
                            return Rewind(before, beforeState);
                        }

                        if (kind == JsonTokenType.StartObject)
                        {
                            _classifier.Record(span[elementStart..(int)reader.BytesConsumed], output);
                        }
                        else
                        {
                            _classifier.NotAnObject(kind, output);
                        }

                        break;

                    case Mode.LogObjectTail:
                        if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0)
                        {
                            _mode = Mode.TopLevel;
                        }
                        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            return Rewind(before, beforeState);
                        }

                        break;
                }
            }
        }

        private ParseResult? ParseTopLevel(ref Utf8JsonReader reader, ReadOnlySpan<byte> span, int before, JsonReaderState beforeState, List<ReadItem> output)
        {
            var valueStart = (int)reader.TokenStartIndex;
            _valueStart = _bufferOffset + _start + valueStart;
            switch (reader.TokenType)
            {
                case JsonTokenType.StartArray:
                    _mode = Mode.RecordsArray;
                    _arrayIsTopLevel = true;
                    _valuesRead++;
                    return null;

                case JsonTokenType.StartObject when !_forceWholeValue:
                    // A CloudTrail log file starts {"Records":[ — stream its elements instead of buffering it.
                    if (!reader.Read())
                    {
                        return Rewind(before, beforeState);
                    }

                    if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("Records"u8))
                    {
                        if (!reader.Read())
                        {
                            return Rewind(before, beforeState);
                        }

                        if (reader.TokenType == JsonTokenType.StartArray)
                        {
                            _mode = Mode.RecordsArray;
                            _arrayIsTopLevel = false;
                            _valuesRead++;
                            return null;
                        }
                    }

                    _forceWholeValue = true;
                    Rewind(before, beforeState);
                    return ParseResult.Restart;

                case JsonTokenType.StartObject:
                    if (!reader.TrySkip())
                    {
                        return Rewind(before, beforeState);
                    }

                    _forceWholeValue = false;
                    _valuesRead++;
                    _classifier.TopLevelObject(span[valueStart..(int)reader.BytesConsumed], output);
                    return null;

                default:
                    _valuesRead++;
                    _classifier.NotAnObject(reader.TokenType, output);
                    return null;
            }
        }

        private ParseResult Commit(ref Utf8JsonReader reader, ParseResult result)
        {
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            return result;
        }

        private ParseResult Rewind(int consumed, JsonReaderState state)
        {
            _start += consumed;
            _state = state;
            return ParseResult.NeedMore;
        }

        private bool Recover(List<ReadItem> output, string message)
        {
            var reason = CleanMessage(message);
            if (_mode != Mode.TopLevel)
            {
                AddFileError(output, $"invalid JSON in the Records array at record #{_classifier.NextIndex}, byte {_valueStart} (the file breaks off or is corrupt; records after it are lost): {reason}");
                return false;
            }

            // JSON Lines: a broken line is one malformed record. Resume at the next line that starts a value.
            var resumed = SeekNextLineStart(_valueStart);
            if (!resumed && _valuesRead == 0)
            {
                AddFileError(output, $"not JSON: {reason}");
                return false;
            }

            _classifier.Broken($"invalid JSON at byte {_valueStart}: {reason}", output);
            _valuesRead++;
            _state = new JsonReaderState(ReaderOptions);
            _forceWholeValue = false;
            if (!resumed)
            {
                Release();
            }

            return resumed;
        }

        private bool SeekNextLineStart(long after)
        {
            var from = (int)Math.Max(0, after + 1 - _bufferOffset);
            while (true)
            {
                if (from < _end)
                {
                    var at = IndexOfLineStartingAValue(_buffer.AsSpan(from, _end - from));
                    if (at >= 0)
                    {
                        _start = from + at + 1;
                        return true;
                    }

                    from = Math.Max(from, _end - 1);
                }

                if (_eof)
                {
                    _start = _end;
                    return false;
                }

                _start = Math.Min(from, _end);
                var keep = _start;
                Fill();
                from -= keep - _start;
            }
        }

        /// <summary>The newline before the next line that starts a JSON value. Any value, not only an object:
        /// a line holding a string or a number is a malformed record to report, never one to skip silently.
        /// The literals true/false/null are left out so a text file's prose does not read as records.</summary>
        private static int IndexOfLineStartingAValue(ReadOnlySpan<byte> span)
        {
            var offset = 0;
            while (true)
            {
                var newline = span[offset..].IndexOf((byte)'\n');
                if (newline < 0 || offset + newline + 1 >= span.Length)
                {
                    return -1;
                }

                var at = offset + newline;
                if (span[at + 1] is (byte)'{' or (byte)'[' or (byte)'"' or (byte)'-' or (>= (byte)'0' and <= (byte)'9'))
                {
                    return at;
                }

                offset = at + 1;
            }
        }

        private void Release()
        {
            if (_buffer.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = [];
            }
        }

        private void AddFileError(List<ReadItem> output, string message)
        {
            Release();
            counters.FileErrors++;
            output.Add(ReadItem.FileError(new RecordLocation(path, _classifier.NextIndex), message));
        }

        private static string CleanMessage(string message)
        {
            // Utf8JsonReader positions are relative to the current buffer, not the file: drop them.
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            return cut > 0 ? message[..cut] : message;
        }
    }

    private sealed class RecordTooLargeException(string message) : Exception(message);
}
