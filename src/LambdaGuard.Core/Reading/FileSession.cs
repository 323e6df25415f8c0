using System.Buffers;
using System.IO.Compression;
using System.Text.Json;

namespace LambdaGuard.Core.Reading;

/// <summary>One file's pass: finds where each JSON value starts and ends (the elements of a Records array
/// one by one), hands complete values to the <see cref="RecordClassifier"/>, and recovers from bad input.
/// Every problem is reported once, as it is found, and every recovery moves forward in the file, so no
/// input can make the reader loop or hold more than one record's bytes.</summary>
internal sealed class FileSession
{
    private const int InitialBufferSize = 128 * 1024;
    private const int ItemsPerStep = 256;

    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    private readonly string _path;
    private readonly ReadCounters _counters;
    private readonly RecordClassifier _classifier;
    private readonly int _maxRecordBytes;
    private readonly bool _structuralCut;
    private Stream _source = Stream.Null;
    private GZipStream? _gzip;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private bool _bomChecked;
    private State _state = State.TopLevel;
    private bool _arrayInLogObject;
    private long _arrayStart;
    private bool _sawJson;
    private bool _atLineStart;
    private bool _fileErrorCounted;
    private LeadingRun _leading;
    private ValueSkipper _skipper;
    private long _skipStart;
    private string? _skipReason;

    public FileSession(CloudTrailReader owner, string path, ReadCounters counters)
    {
        _path = path;
        _counters = counters;
        _maxRecordBytes = Math.Max(16, owner.MaxRecordBytes);
        _structuralCut = !owner.TokenizeEveryRecord;
        _classifier = new RecordClassifier(path, counters, owner.DismissReadOnlyAndDataEvents);
    }

    /// <summary>What a cut-out value is to the classifier.</summary>
    private enum ValueRole
    {
        TopLevel,
        Record,
        CutRecord,
    }

    private enum State
    {
        TopLevel,
        ArrayStart,
        ArrayElement,
        ArrayAfterElement,
        ArraySkip,
        TailAfterValue,
        TailKey,
        TailColon,
        TailValue,
        TailSkip,
        Done,
    }

    private enum Cut
    {
        Value,
        NeedMore,
        Invalid,
        End,
    }

    private long Position => _bufferOffset + _start;

    private string Limit => _maxRecordBytes % (1024 * 1024) == 0 ? $"{_maxRecordBytes / (1024 * 1024)} MiB" : $"{_maxRecordBytes} bytes";

    public bool Open(Stream stream, List<ReadItem> output)
    {
        try
        {
            _source = SniffCompression(stream);
            return true;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            FileError(output, $"cannot read: {ex.Message}");
            return false;
        }
    }

    public bool Step(List<ReadItem> output)
    {
        try
        {
            if (!_bomChecked)
            {
                SkipByteOrderMark();
            }

            while (_state != State.Done && output.Count < ItemsPerStep)
            {
                Advance(output);
            }

            if (_state != State.Done)
            {
                return true;
            }

            Release();
            return false;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or NotSupportedException)
        {
            FileError(output, $"cannot read past byte {Position}: {ex.Message}");
            return false;
        }
    }

    public void Release()
    {
        _state = State.Done;
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }

        _gzip?.Dispose();
        _gzip = null;
    }

    private void Advance(List<ReadItem> output)
    {
        switch (_state)
        {
            case State.TopLevel:
                TopLevel(output);
                break;
            case State.ArrayStart or State.ArrayElement:
                ArrayElement(output);
                break;
            case State.ArrayAfterElement:
                AfterElement(output);
                break;
            case State.ArraySkip or State.TailSkip:
                Skip(output);
                break;
            case State.TailAfterValue:
                TailAfterValue(output);
                break;
            case State.TailKey:
                TailKey(output);
                break;
            case State.TailColon:
                TailColon(output);
                break;
            case State.TailValue:
                TailValue(output);
                break;
        }
    }

    private void TopLevel(List<ReadItem> output)
    {
        if (!SkipWhitespace())
        {
            Finish(output);
            return;
        }

        var valueStart = Position;
        var first = _buffer[_start];
        if (first == (byte)'[')
        {
            _start++;
            EnterArray(valueStart, inLogObject: false);
            return;
        }

        if (first == (byte)'{')
        {
            switch (PeekRecordsArray(out var consumed))
            {
                case Cut.Value:
                    _start += consumed;
                    EnterArray(valueStart, inLogObject: true);
                    return;
                case Cut.NeedMore:
                    if (!More())
                    {
                        BadTopLevelValue(valueStart, $"a JSON value at byte {valueStart} is {Limit} or larger: skipped unread up to the next line", output);
                        Resync(valueStart);
                    }

                    return;
            }
        }

        if (RejectCheaply(_buffer.AsSpan(_start, _end - _start)) is { } rejected)
        {
            BadTopLevelValue(valueStart, $"invalid JSON at byte {valueStart}: {rejected}", output);
            Resync(valueStart);
            return;
        }

        switch (CutValue(out var offset, out var length, out var kind, out var error))
        {
            case Cut.Value when RunsIntoNextLine(length, valueStart, output):
                break;
            case Cut.Value when kind == JsonTokenType.StartObject:
                MarkJson(output);
                Classify(_buffer.AsSpan(_start + offset, length - offset), ValueRole.TopLevel, output);
                _start += length;
                break;
            case Cut.Value:
                // A scalar is one bad value; what follows it on the line is read on its own.
                BadTopLevelValue(valueStart, RecordClassifier.NotAnObjectMessage(kind), output);
                _start += length;
                break;
            case Cut.NeedMore:
                if (!More())
                {
                    BadTopLevelValue(valueStart, $"a JSON value at byte {valueStart} is {Limit} or larger: skipped unread up to the next line", output);
                    Resync(valueStart);
                }

                break;
            case Cut.Invalid:
                // JSON Lines: a broken line is one malformed record; reading resumes at the next line that starts a value.
                BadTopLevelValue(valueStart, $"invalid JSON at byte {valueStart}: {error}", output);
                Resync(valueStart);
                break;
            case Cut.End:
                _start = _end;
                Finish(output);
                break;
        }
    }

    /// <summary>The file counts as JSON once the array shows a first element (or closes): a '[' at the
    /// start of a line of text or binary is not enough.</summary>
    private void EnterArray(long at, bool inLogObject)
    {
        _arrayStart = at;
        _arrayInLogObject = inLogObject;
        _state = State.ArrayStart;
    }

    /// <summary>Before the file has shown any JSON, an array whose first element is broken was no JSON
    /// either: one bad value, and reading resumes at the next line.</summary>
    private bool AbandonUnprovenArray(string reason, List<ReadItem> output)
    {
        if (_sawJson)
        {
            return false;
        }

        BadTopLevelValue(_arrayStart, $"invalid JSON at byte {_arrayStart}: {reason}", output);
        Resync(_arrayStart);
        _state = State.TopLevel;
        return true;
    }

    private void ArrayElement(List<ReadItem> output)
    {
        if (!SkipWhitespace())
        {
            FileError(output, $"the file breaks off inside the Records array after record #{_classifier.NextIndex - 1} (records after it are lost)");
            return;
        }

        var next = _buffer[_start];
        if (next == (byte)']')
        {
            _start++;
            MarkJson(output);
            _state = _arrayInLogObject ? State.TailAfterValue : State.TopLevel;
            return;
        }

        var elementStart = Position;
        if (next == (byte)',')
        {
            if (!AbandonUnprovenArray("a ',' where a record belongs", output))
            {
                ArrayCorrupt(output, elementStart, "a ',' where a record belongs");
            }

            return;
        }

        // Most records are cut out by the structural scan alone; whatever it is unsure of is tokenized.
        if (_structuralCut && next == (byte)'{' && StructuralCut.TryCutObject(_buffer.AsSpan(_start, _end - _start), out var cut))
        {
            if (!RunsIntoNextLine(cut, elementStart, output))
            {
                MarkJson(output);
                Classify(_buffer.AsSpan(_start, cut), ValueRole.CutRecord, output);
                _start += cut;
                _state = State.ArrayAfterElement;
            }

            return;
        }

        switch (CutValue(out var offset, out var length, out var kind, out var error))
        {
            case Cut.Value when RunsIntoNextLine(length, elementStart, output):
                break;
            case Cut.Value:
                MarkJson(output);
                if (kind == JsonTokenType.StartObject)
                {
                    Classify(_buffer.AsSpan(_start + offset, length - offset), ValueRole.Record, output);
                }
                else
                {
                    _classifier.NotAnObject(kind, output);
                }

                _start += length;
                _state = State.ArrayAfterElement;
                break;
            case Cut.NeedMore:
                if (!More() && !AbandonUnprovenArray($"a first record of {Limit} or more", output))
                {
                    StartSkip(elementStart, null, State.ArraySkip);
                }

                break;
            case Cut.Invalid:
                // Step over the broken element by its brackets: when they balance, the records after it survive.
                if (!AbandonUnprovenArray(error!, output))
                {
                    StartSkip(elementStart, error, State.ArraySkip);
                }

                break;
            case Cut.End:
                FileError(output, $"the file breaks off inside the Records array after record #{_classifier.NextIndex - 1} (records after it are lost)");
                break;
        }
    }

    private void AfterElement(List<ReadItem> output)
    {
        if (!SkipWhitespace())
        {
            FileError(output, $"the file breaks off inside the Records array after record #{_classifier.NextIndex - 1} (records after it are lost)");
            return;
        }

        switch (_buffer[_start])
        {
            case (byte)',':
                _start++;
                _state = State.ArrayElement;
                break;
            case (byte)']':
                _start++;
                _state = _arrayInLogObject ? State.TailAfterValue : State.TopLevel;
                break;
            default:
                ArrayCorrupt(output, Position, $"{Show(_buffer[_start])} after record #{_classifier.NextIndex - 1} where ',' or ']' belongs");
                break;
        }
    }

    private void StartSkip(long valueStart, string? reason, State state)
    {
        _skipper = default;
        _skipStart = valueStart;
        _skipReason = reason;
        _state = state;
    }

    private void Skip(List<ReadItem> output)
    {
        var at = _skipper.Advance(_buffer.AsSpan(_start, _end - _start), out var lineStart);
        if (at >= 0)
        {
            _start += at;
            if (lineStart)
            {
                // The broken value ran into a line that starts a value: JSON Lines after a broken line.
                if (_state == State.ArraySkip)
                {
                    _classifier.Broken(_skipReason is null
                        ? $"record at byte {_skipStart} is {Limit} or larger: skipped unread up to the next line"
                        : $"invalid JSON in the record at byte {_skipStart}: {_skipReason}", output);
                }

                _state = State.TopLevel;
                return;
            }

            if (_state == State.ArraySkip)
            {
                var what = _skipReason is null
                    ? $"record at byte {_skipStart} is {Limit} or larger ({Position - _skipStart} bytes): skipped unread"
                    : $"invalid JSON in the record at byte {_skipStart}: {_skipReason}";
                _classifier.Broken(what, output);
                _state = State.ArrayAfterElement;
            }
            else
            {
                _state = State.TailAfterValue;
            }

            return;
        }

        _start = _end;
        if (!FillOnce())
        {
            var why = _skipReason ?? $"it is {Limit} or larger";
            FileError(output, $"invalid JSON in the Records array at record #{_classifier.NextIndex}, byte {_skipStart} (the file breaks off or is corrupt; records after it are lost): {why}");
        }
    }

    private void TailAfterValue(List<ReadItem> output)
    {
        if (!SkipWhitespace())
        {
            TailCorrupt(output, "the file breaks off after the Records array");
            return;
        }

        switch (_buffer[_start])
        {
            case (byte)'}':
                _start++;
                _state = State.TopLevel;
                break;
            case (byte)',':
                _start++;
                _state = State.TailKey;
                break;
            default:
                TailCorrupt(output, $"{Show(_buffer[_start])} where ',' or '}}' belongs");
                break;
        }
    }

    private void TailKey(List<ReadItem> output)
    {
        if (!SkipWhitespace())
        {
            TailCorrupt(output, "the file breaks off after the Records array");
            return;
        }

        switch (CutValue(out _, out var length, out var kind, out var error))
        {
            case Cut.Value when kind == JsonTokenType.String:
                _start += length;
                _state = State.TailColon;
                break;
            case Cut.NeedMore when More():
                break;
            default:
                TailCorrupt(output, error ?? "a property name belongs here");
                break;
        }
    }

    private void TailColon(List<ReadItem> output)
    {
        if (SkipWhitespace() && _buffer[_start] == (byte)':')
        {
            _start++;
            _state = State.TailValue;
            return;
        }

        TailCorrupt(output, "a ':' belongs here");
    }

    private void TailValue(List<ReadItem> output)
    {
        if (!SkipWhitespace())
        {
            TailCorrupt(output, "the file breaks off after the Records array");
            return;
        }

        var valueStart = Position;
        switch (CutValue(out _, out var length, out _, out var error))
        {
            case Cut.Value:
                _start += length;
                _state = State.TailAfterValue;
                break;
            case Cut.NeedMore:
                if (!More())
                {
                    StartSkip(valueStart, null, State.TailSkip);
                }

                break;
            default:
                TailCorrupt(output, error ?? "the file breaks off after the Records array");
                break;
        }
    }

    /// <summary>A value that only completes by running into a line that itself starts a value (column 0) is
    /// a broken JSON line whose brackets happen to close further down: taken whole it would swallow the
    /// records of the lines after it. Real files never look like this (JSON Lines hold one value per line;
    /// pretty-printed values indent their inner lines), so the value is reported and reading resumes at
    /// that line.</summary>
    private bool RunsIntoNextLine(int length, long valueStart, List<ReadItem> output)
    {
        var value = _buffer.AsSpan(_start, length);
        if (value.IndexOf((byte)'\n') < 0)
        {
            return false;
        }

        var at = IndexOfLineStartingAValue(value);
        if (at < 0)
        {
            return false;
        }

        BadTopLevelValue(valueStart, $"invalid JSON at byte {valueStart}: the value breaks off at the end of its line", output);
        _start += at + 1;
        _state = State.TopLevel;
        return true;
    }

    /// <summary>A log whose array is corrupt is a file error, but reading goes on at the next line that
    /// starts a value (JSON Lines of log files), so one broken line never blinds the lines after it.</summary>
    private void ArrayCorrupt(List<ReadItem> output, long at, string reason)
    {
        ReportFileError(output, $"invalid JSON in the Records array at record #{_classifier.NextIndex}, byte {at} (the log breaks off or is corrupt; its records after this point are lost): {reason}");
        ResumeAtLine(at);
    }

    private void TailCorrupt(List<ReadItem> output, string reason)
    {
        var at = Position;
        ReportFileError(output, $"invalid JSON after the Records array at byte {at} (every record was read): {reason}");
        ResumeAtLine(at);
    }

    private void ResumeAtLine(long at)
    {
        _state = State.TopLevel;
        if (_buffer.Length == 0)
        {
            return;
        }

        if (!(_atLineStart && at == Position && ValueSkipper.StartsValue(_buffer[_start])))
        {
            Resync(at);
        }
    }

    /// <summary>True, with the bytes consumed up to and including '[', when the object at the start of the
    /// buffer opens with "Records": [ — a CloudTrail log file, whose records are then streamed one by one
    /// instead of buffering the whole file.</summary>
    private Cut PeekRecordsArray(out int consumed)
    {
        consumed = 0;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, new JsonReaderState(CloudTrailReader.Options));
        try
        {
            if (!reader.Read() || !reader.Read())
            {
                return _eof ? Cut.Invalid : Cut.NeedMore;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals("Records"u8))
            {
                return Cut.Invalid;
            }

            if (!reader.Read())
            {
                return _eof ? Cut.Invalid : Cut.NeedMore;
            }

            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return Cut.Invalid;
            }

            consumed = (int)reader.BytesConsumed;
            return Cut.Value;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Whatever is wrong is reported when the value is read whole. (Comparing an escaped name that
            // holds a lone surrogate throws InvalidOperationException.)
            return Cut.Invalid;
        }
    }

    /// <summary>Tokenizes one complete value at the start of the buffer. <paramref name="offset"/> is where
    /// the value itself starts (after any comment), <paramref name="length"/> where it ends.</summary>
    private Cut CutValue(out int offset, out int length, out JsonTokenType kind, out string? error)
    {
        offset = 0;
        length = 0;
        kind = JsonTokenType.None;
        error = null;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, new JsonReaderState(CloudTrailReader.Options));
        try
        {
            if (!reader.Read())
            {
                return _eof ? Cut.End : Cut.NeedMore;
            }

            kind = reader.TokenType;
            offset = (int)reader.TokenStartIndex;
            if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            {
                if (!_eof)
                {
                    return Cut.NeedMore;
                }

                error = "the value breaks off at the end of the file";
                return Cut.Invalid;
            }

            length = (int)reader.BytesConsumed;
            return Cut.Value;
        }
        catch (JsonException ex)
        {
            error = CleanMessage(ex.Message);
            return Cut.Invalid;
        }
    }

    private void Classify(ReadOnlySpan<byte> json, ValueRole role, List<ReadItem> output)
    {
        try
        {
            switch (role)
            {
                case ValueRole.TopLevel:
                    _classifier.TopLevelObject(json, output);
                    break;
                case ValueRole.CutRecord:
                    _classifier.CutRecord(json, output);
                    break;
                default:
                    _classifier.Record(json, output);
                    break;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            // The classifier guards what it decodes; this keeps one odd value from ever costing the file.
            _classifier.Broken($"value at byte {Position} cannot be read: {CleanMessage(ex.Message)}", output);
        }
    }

    private void MarkJson(List<ReadItem> output)
    {
        if (_sawJson)
        {
            return;
        }

        _sawJson = true;
        if (_leading.Count == 1)
        {
            _classifier.Broken(_leading.FirstReason!, output);
        }
        else if (_leading.Count > 1)
        {
            _classifier.BrokenRun(_leading.Count, $"{_leading.Count} values before the first JSON object are not records (bytes {_leading.FirstByte}–{_leading.LastByte}); the first: {_leading.FirstReason}", output);
        }
    }

    /// <summary>Until a file has shown one JSON object it may be no JSON at all (a README, a log): its bad
    /// values are counted, not reported one by one, and become either one malformed entry (when JSON follows)
    /// or the "not JSON" file error.</summary>
    private void BadTopLevelValue(long at, string reason, List<ReadItem> output)
    {
        if (_sawJson)
        {
            _classifier.Broken(reason, output);
            return;
        }

        _leading.Add(at, reason);
    }

    private void Finish(List<ReadItem> output)
    {
        if (!_sawJson)
        {
            FileError(output, _leading.Count == 0
                ? "not JSON: the file holds no JSON value"
                : _leading.Count == 1
                    ? $"not JSON: {_leading.FirstReason}"
                    : $"not JSON: {_leading.FirstReason} (and {_leading.Count - 1} more values, none a JSON object)");
            return;
        }

        _state = State.Done;
    }

    private void FileError(List<ReadItem> output, string message)
    {
        ReportFileError(output, message);
        Release();
    }

    /// <summary>One file counts once among unreadable files, however many of its logs are corrupt.</summary>
    private void ReportFileError(List<ReadItem> output, string message)
    {
        if (!_fileErrorCounted)
        {
            _fileErrorCounted = true;
            _counters.FileErrors++;
        }

        output.Add(ReadItem.FileError(new RecordLocation(_path, _classifier.NextIndex), message));
    }

    /// <summary>Moves past a bad top-level value to the next line that starts one. The search begins after
    /// the bad value's first byte, so reading always moves forward and no line is reported twice.</summary>
    private void Resync(long badValueStart)
    {
        var from = (int)Math.Max(badValueStart + 1 - _bufferOffset, 0);
        while (true)
        {
            if (from < _end)
            {
                var at = IndexOfLineStartingAValue(_buffer.AsSpan(from, _end - from));
                if (at >= 0)
                {
                    _start = from + at + 1;
                    return;
                }

                // Keep the last byte: it may be the newline before a value not read yet.
                from = _end - 1;
            }

            _start = from;
            if (!FillOnce())
            {
                _start = _end;
                return;
            }

            from = _start;
        }
    }

    /// <summary>The commonest junk (prose, Markdown, list bullets, binary) rejected from its first bytes,
    /// without the cost of an exception per line; anything that could start a value is left to the tokenizer.</summary>
    private static string? RejectCheaply(ReadOnlySpan<byte> span)
    {
        var first = span[0];
        switch (first)
        {
            case (byte)'{' or (byte)'[' or (byte)'"' or (byte)'/' or (>= (byte)'0' and <= (byte)'9'):
                return null;
            case (byte)'-':
                return span.Length > 1 && span[1] is < (byte)'0' or > (byte)'9' ? "'-' not followed by a digit is an invalid start of a value" : null;
            case (byte)'t' or (byte)'f' or (byte)'n':
                var literal = first switch { (byte)'t' => "true"u8, (byte)'f' => "false"u8, _ => "null"u8 };
                var n = Math.Min(span.Length, literal.Length);
                return span[..n].SequenceEqual(literal[..n]) ? null : $"{Show(first)} is an invalid start of a value";
            default:
                return $"{Show(first)} is an invalid start of a value";
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
            if (ValueSkipper.StartsValue(span[at + 1]))
            {
                return at;
            }

            offset = at + 1;
        }
    }

    /// <summary>Advances past whitespace, reading more as needed. False at the end of the input.</summary>
    private bool SkipWhitespace()
    {
        var skippedNewline = false;
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            var at = span.IndexOfAnyExcept(Whitespace);
            if (at >= 0)
            {
                _atLineStart = at > 0 ? span[at - 1] == (byte)'\n' : skippedNewline;
                _start += at;
                return true;
            }

            skippedNewline = span.Length > 0 ? span[^1] == (byte)'\n' : skippedNewline;
            _start = _end;
            if (!FillOnce())
            {
                return false;
            }
        }
    }

    /// <summary>Reads more for a value that is not complete yet, at least doubling what is held so that
    /// re-tokenizing it from its start costs linear time in all. False when the value reaches the record
    /// limit (or the input ends).</summary>
    private bool More()
    {
        var held = _end - _start;
        if (held >= _maxRecordBytes || _eof)
        {
            return false;
        }

        var wanted = (int)Math.Min(Math.Max(held * 2L, held + 1L), _maxRecordBytes);
        while (_end - _start < wanted && FillOnce())
        {
        }

        return true;
    }

    /// <summary>One read into the free end of the buffer, after moving unconsumed bytes to the front and
    /// growing the buffer (never beyond the record limit) when it is full. False at the end of the input or
    /// when the buffer cannot take more.</summary>
    private bool FillOnce()
    {
        if (_eof)
        {
            return false;
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
            if (_buffer.Length >= _maxRecordBytes)
            {
                return false;
            }

            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)_buffer.Length * 2, _maxRecordBytes));
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        var n = _source.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
            return false;
        }

        _end += n;
        _counters.Bytes += n;
        return true;
    }

    /// <summary>Files saved by Windows tools start with a UTF-8 byte order mark, which Utf8JsonReader
    /// rejects; such a file is still JSON.</summary>
    private void SkipByteOrderMark()
    {
        while (_end - _start < 3 && FillOnce())
        {
        }

        _bomChecked = true;
        if (_buffer.AsSpan(_start, _end - _start).StartsWith("\uFEFF"u8))
        {
            _start += 3;
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
        if (read == 2 && prefix[0] == 0x1f && prefix[1] == 0x8b)
        {
            // Disposed when the file is done: zlib's native state would otherwise wait for the finalizer.
            _gzip = new GZipStream(replay, CompressionMode.Decompress, leaveOpen: true);
            return _gzip;
        }

        return replay;
    }

    private static Stream SeekBack(Stream stream, int read)
    {
        stream.Seek(-read, SeekOrigin.Current);
        return stream;
    }

    private static string Show(byte value) => value is >= 0x20 and < 0x7f ? $"'{(char)value}'" : $"byte 0x{value:x2}";

    /// <summary>Utf8JsonReader quotes the offending input in its messages (a bad literal can be megabytes
    /// of it, with newlines) and gives positions relative to the buffer, not the file: keep one short line.</summary>
    internal static string CleanMessage(string message)
    {
        const int MaxChars = 200;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = cut > 0 ? message.AsSpan(0, cut) : message.AsSpan();
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, MaxChars) + 16);
        foreach (var c in text)
        {
            if (builder.Length >= MaxChars)
            {
                builder.Append($"…[+{text.Length - MaxChars} chars]");
                break;
            }

            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                builder.Append($"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private struct LeadingRun
    {
        public long Count;
        public long FirstByte;
        public long LastByte;
        public string? FirstReason;

        public void Add(long at, string reason)
        {
            if (Count++ == 0)
            {
                FirstByte = at;
                FirstReason = reason;
            }

            LastByte = at;
        }
    }
}
