using System.Text;
using System.Text.Json;
using CsCheck;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Reading;

/// <summary>Fuzzing the reader with mutations of real records and files (truncate, splice, flip bytes, insert
/// escapes, nest, repeat lines, gzip). CI runs CsCheck's default 100 cases per property (a few seconds);
/// a longer run: <c>CsCheck_Iter=20000 dotnet test test/LambdaGuard.Core.Tests --filter ReaderPropertyTests</c>
/// (or <c>CsCheck_Time=300</c> for five minutes per property). A failure prints the seed to replay it with
/// <c>CsCheck_Seed</c>.</summary>
public sealed class ReaderPropertyTests
{
    /// <summary>Reading, detecting and writing every finding allocates at most this many bytes per input
    /// byte, plus <see cref="AllocationConstant"/> (buffers rented once per thread, the 4 MiB record window).
    /// The worst case is a flood of two-byte bad lines, each of which costs one diagnostic message (about
    /// 150 bytes per input byte, measured); records cost far less (deserialized once, a finding written
    /// once). Allocated is not held: items are streamed, so memory stays flat whatever this total.</summary>
    private const long AllocationPerInputByte = 512;

    private const long AllocationConstant = 16L * 1024 * 1024;

    private static readonly string[] Lines = LoadRecordLines();

    private static readonly byte[][] Files = LoadFiles();

    private static readonly string[] Escapes =
        ["\\udc00", "\\ud800", "\\ud83d\\ude00", "\\u0000", "\\\"", "\\\\", "\\", "\"", "\u2028", "\n", "{", "[", "]}", ",", ":", "\\u12"];

    private static readonly (string Before, string After)[] Wrappers =
    [
        ("{\"Records\":[", "]}"),
        ("[", "]"),
        ("{\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":", "}"),
        ("{\"requestPayload\":", "}"),
        ("{\"Records\":[", string.Empty),
        ("[[[[[[[[", "]]]]]]]]"),
        ("{\"a\":", string.Empty),
    ];

    private static readonly Gen<Mutation> GenMutation =
        Gen.Select(Gen.Int[0, 7], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Int[0, 1000], (kind, at, to, pick) => new Mutation(kind, at, to, pick));

    private static readonly Gen<byte[]> GenHostileFile =
        Gen.Select(Gen.Int[0, Files.Length - 1], GenMutation.Array[0, 4], Gen.Int[0, 7], (file, mutations, packing) =>
        {
            var bytes = mutations.Aggregate(Files[file], (content, mutation) => mutation.Apply(content));
            return packing switch
            {
                0 => Gzip.Compress(bytes),
                1 => Gzip.Compress(bytes)[..^Math.Min(5, bytes.Length)],
                _ => bytes,
            };
        });

    [Fact]
    public void Read_WhenInputIsAnyMutationOfRealFiles_ShouldNeverThrowAndStayBoundedInItemsAndAllocation()
    {
        GenHostileFile.Sample(input =>
        {
            // Act
            var counters = new ReadCounters();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var items = ReadDetectAndWrite(input, new CloudTrailReader(), counters);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            // Assert: sizes are of the decompressed input, what the reader actually walks.
            var size = Math.Max(input.Length, counters.Bytes);
            Assert.True(items.Count <= size + 1, $"{items.Count} items from {size} bytes");
            Assert.All(items, i => Assert.True(i.Kind == ReadItemKind.LambdaRecord ? i.Record is not null : !string.IsNullOrEmpty(i.Message)));
            Assert.True(
                allocated <= (AllocationPerInputByte * size) + AllocationConstant,
                $"allocated {allocated} bytes for {size} bytes of input");
        });
    }

    [Fact]
    public void Read_WhenSomeJsonLinesAreBrokenOrGarbled_ShouldGiveEveryOtherLineItsDecision()
    {
        var gen = Gen.Select(
            Gen.Select(Gen.Int[0, Lines.Length - 1], Gen.Int[0, 4], GenMutation.Array[1, 3], (line, damage, mutations) => (line, damage, mutations)).Array[1, 12],
            Gen.Bool);
        gen.Sample((lines, gzip) =>
        {
            // Arrange: damage 0 = intact, 1 = garbled user agent (still a record), else broken by mutations.
            var expected = new Dictionary<string, (DetectionDecision Decision, string? RuleId)>();
            var text = new StringBuilder();
            for (var n = 0; n < lines.Length; n++)
            {
                var (line, damage, mutations) = lines[n];
                // Ids far apart: a flipped byte once turned a damaged line's prop-0 into prop-8 (seed egBmvksKc-j3).
                var id = $"prop-{n}-{unchecked((uint)n * 2654435761u):x8}";
                var record = Lines[line].Replace("\"eventID\":", $"\"eventID\":\"{id}\",\"originalEventID\":", StringComparison.Ordinal);
                if (damage <= 1)
                {
                    expected[id] = DecisionOf(record);
                }

                if (damage == 1)
                {
                    record = record.Replace("\"userAgent\":\"", "\"userAgent\":\"\\udc00\\ud800" + (char)0xD800, StringComparison.Ordinal);
                }
                else if (damage > 1)
                {
                    var broken = mutations.Where(m => m.Kind is not (5 or 7)).Aggregate(Encoding.UTF8.GetBytes(record), (content, m) => m.Apply(content));
                    record = Encoding.UTF8.GetString(broken).Replace('\n', ' ');
                }

                text.Append(record).Append('\n');
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());

            // Act
            var items = new CloudTrailReader().Read(gzip ? Gzip.Compress(bytes) : bytes, "lines.jsonl", new ReadCounters()).ToList();

            // Assert
            var detector = new Detector(new DetectorSettings());
            foreach (var (id, decision) in expected)
            {
                var item = items.SingleOrDefault(i => i.Record?.EventId == id);
                Assert.True(item is not null, $"{id} missing from:\n{text}\nitems: {string.Join("\n", items.Select(i => $"{i.Location} {i.Kind} {i.Record?.EventId} {i.Message}"))}");
                var detection = detector.Detect(item.Record!, item.Location);
                Assert.Equal(decision, (detection.Decision, detection.Finding?.RuleId));
            }
        });
    }

    /// <summary>Records built from the fields the header reads, each in the shapes a hand-made or damaged log
    /// may give it: lenient types, escapes (valid ones the cut accepts, \u ones it leaves to the tokenizer),
    /// nested and duplicate keys (the last wins), absent fields, spaces between tokens.</summary>
    private static readonly Gen<string[]> GenHeaderRecords = Gen.Select(
        HeaderField("eventSource", ["\"lambda.amazonaws.com\"", "\"lambda.amazon\\u0061ws.com\"", "\"s3.amazonaws.com\"", "42", "null", "\"lambda.amazonaws.com\\/\"", "\"LAMBDA.amazonaws.com\"", "[\"lambda.amazonaws.com\"]", "{\"s\":\"lambda.amazonaws.com\"}"]),
        HeaderField("eventName", ["\"GetFunction20150331v2\"", "\"ListFunctions20150331\"", "\"Invoke\"", "\"InvokeAsync\"", "\"UpdateFunctionCode20150331v2\"", "\"DeleteFunction\"", "\"GetPolicy2\"", "\"\"", "7", "-1.5e3", "true", "\"Get\\u0046unction\"", "\"Get\\/Function\"", "\"UpdateFunctionCode\\t\"", "{\"eventName\":\"GetFunction\"}"]),
        HeaderField("readOnly", ["true", "false", "\"true\"", "\"TRUE\"", "\" true \"", "\"\\ttrue\"", "\"yes\"", "1", "0", "null", "{}", "[true]", "\"fals\\u0065\""]),
        HeaderField("eventCategory", ["\"Data\"", "\"data\"", "\"Management\"", "null", "[]", "\"Dat\\u0061\""]),
        HeaderField("userIdentity", ["{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::123456789012:user/alice\"}", "{\"type\":\"AssumedRole\"}", "{\"type\":\" \"}", "{}", "\"IAMUser\"", "{\"type\":{}}", "{\"type\":\"Root\",\"type\":null}", "{\"type\":null,\"type\":\"Root\"}", "{\"sessionContext\":{\"type\":\"Root\"}}", "{\"type\":\"IAMUser\",\"sessionContext\":{\"type\":null}}", "[{\"type\":\"Root\"}]", "null", "{\"typ\\u0065\":\"Root\"}", "{\"type\":7}", "{\"sessionContext\":{\"attributes\":{\"x\":\"1\"}},\"type\":\"AssumedRole\"}", "{\"a\":[[1]],\"type\":\"IAMUser\"}", "{\"type\":\" \",\"a\":{\"b\":{}},\"type\":\"Root\"}"]),
        HeaderField("eventType", ["\"AwsApiCall\"", "\"AwsCloudTrailInsight\"", "\"AwsCloudTrail\\u0049nsight\""]),
        HeaderField("event\\u004eame", ["\"UpdateFunctionCode20150331v2\"", "\"GetFunction\""]),
        HeaderField("read\\/Only", ["false"]),
        HeaderField("userIdentity", ["{\"type\":\"Root\"}", "\"x\"", "{}"]),
        HeaderField("eventName", ["\"AddPermission20150331v2\"", "\"GetFunction\""]),
        HeaderField("additionalEventData", ["{\"type\":\"Root\"}", "[{\"type\":\"Root\"}]"]),
        Gen.Bool,
        (source, name, readOnly, category, identity, type, escapedName, escapedReadOnly, identityAgain, nameAgain, other, spaced) =>
        {
            var fields = $"{source}{name}{readOnly}{category}{identity}{type}{escapedName}{escapedReadOnly}{identityAgain}{nameAgain}{other}";
            return spaced ? fields.Replace("\":", "\" : ", StringComparison.Ordinal).Replace(",\"", ",\n  \"", StringComparison.Ordinal) : fields;
        }).Array[1, 30];

    private static Gen<string> HeaderField(string name, string[] values) =>
        Gen.Int[0, values.Length].Select(i => i == values.Length ? string.Empty : $"\"{name}\":{values[i]},");

    private static string HeaderRecord(string fields, int n) =>
        $"{{{fields}\"requestParameters\":{{\"functionName\":\"fn-{n}\"}},\"recipientAccountId\":\"123456789012\"}}";

    [Fact]
    public void Read_WhenDismissingReadOnlyAndDataEventsEarly_ShouldAgreeWithTheFullPathOnEveryDecision()
    {
        Gen.Select(GenHeaderRecords, Gen.Bool).Sample((records, asLogFile) =>
        {
            // Arrange: JSON lines go through the tokenizer's header, a log file's records through the cut's.
            var bytes = Encoding.UTF8.GetBytes(asLogFile
                ? $"{{\"Records\":[{string.Join(',', records.Select(HeaderRecord))}]}}"
                : string.Concat(records.Select((r, n) => HeaderRecord(r, n) + "\n")));

            // Act
            var full = Tally(bytes, new CloudTrailReader());
            var early = Tally(bytes, new CloudTrailReader { DismissReadOnlyAndDataEvents = true });

            // Assert
            Assert.Equal(full.Findings, early.Findings);
            Assert.Equal(full.Decisions, early.Decisions);
            Assert.Equal(full.Malformed, early.Malformed);
        });
    }

    [Fact]
    public void FromCut_WhenTheCutAcceptsARecord_ShouldGiveTheTokenizersHeader()
    {
        GenHeaderRecords.Sample(records =>
        {
            foreach (var (fields, n) in records.Select((r, n) => (r, n)))
            {
                // Arrange
                var record = Encoding.UTF8.GetBytes(HeaderRecord(fields, n));

                // Act
                var cut = StructuralCut.TryCutObject(record, out var length, out var spans);

                // Assert: whatever the cut vouches for, its noted header is the tokenizer's, field for field.
                Assert.Equal(!fields.Contains("\\u", StringComparison.Ordinal), cut);
                if (cut)
                {
                    Assert.Equal(record.Length, length);
                    Assert.Equal(RecordHeader.Scan(record), RecordHeader.FromCut(record, spans));
                }
            }
        });
    }

    [Fact]
    public void Read_WhenHeaderFieldsTakeEveryShape_ShouldGiveTheSameItemsCutStructurallyOrByTheTokenizer()
    {
        Gen.Select(GenHeaderRecords, Gen.Int[0, 3]).Sample((records, packing) =>
            AssertSameItems(Encoding.UTF8.GetBytes($"{{\"Records\":[{string.Join(", ", records.Select(HeaderRecord))}]}}"), packing));
    }

    [Fact]
    public void Read_WhenRecordsAreCutStructurallyOrByTheTokenizer_ShouldGiveTheSameItemsForMutatedLogFiles()
    {
        var gen = Gen.Select(
            Gen.Select(Gen.Int[0, Lines.Length - 1], GenMutation.Array[0, 2], Gen.Int[0, 2 * StringDamage.Length], Gen.Double[0, 1], (line, mutations, damage, at) => (line, mutations, damage, at)).Array[1, 20],
            Gen.Int[0, 3].Select(i => new[] { "\n", ", ", ",\n  ", "," }[i]),
            GenMutation.Array[0, 2],
            Gen.Int[0, 3],
            (records, separator, fileMutations, packing) => (records, separator, fileMutations, packing));
        gen.Sample(c =>
        {
            // Arrange: a log file of real records, some records and the file itself damaged.
            var records = c.records.Select(r => DamageAString(Encoding.UTF8.GetString(r.mutations.Aggregate(Encoding.UTF8.GetBytes(Lines[r.line]), (b, m) => m.Apply(b))), r.damage, r.at));
            var file = Encoding.UTF8.GetBytes($"{{\"Records\":[{string.Join(c.separator, records)}]}}");
            file = c.fileMutations.Aggregate(file, (b, m) => m.Apply(b));

            // Act / Assert
            AssertSameItems(file, c.packing);
        });
    }

    [Fact]
    public void Read_WhenRecordsAreCutStructurallyOrByTheTokenizer_ShouldGiveTheSameItemsForAnyMutationOfRealFiles()
    {
        Gen.Select(GenHostileFile, Gen.Int[1, 3]).Sample((file, packing) => AssertSameItems(file, packing));
    }

    [Fact]
    public void TryCutObject_WhenItCutsAValue_ShouldAgreeWithUtf8JsonReaderOnItsEnd()
    {
        Gen.Select(GenHostileFile, Gen.Double[0, 1]).Sample((file, at) =>
        {
            // Arrange: any '{' of any mutated file, with whatever follows it in the buffer.
            var start = Array.IndexOf(file, (byte)'{', (int)(at * file.Length));
            if (start < 0)
            {
                return;
            }

            // Act
            var certain = StructuralCut.TryCutObject(file.AsSpan(start), out var length);

            // Assert: "certain" is only ever said of a value the tokenizer reads whole with the same length.
            if (certain)
            {
                var reader = new Utf8JsonReader(file.AsSpan(start), isFinalBlock: false, new JsonReaderState(CloudTrailReader.Options));
                Assert.True(reader.Read() && reader.TrySkip());
                Assert.Equal((long)length, reader.BytesConsumed);
            }
        });
    }

    /// <summary>What the structural cut must either accept exactly as the tokenizer does or leave to it:
    /// escapes valid and not, control and odd bytes, all put right after a quote, i.e. inside a string.</summary>
    private static readonly string[] StringDamage =
        ["\\x", "\\u004", "\\u0041", "\\/", "\\b", "\\'", "\t", "\u007f", "\\ud800", "\\", "\u0001", "\u00e9", "\\\"", "\\\\"];

    private static string DamageAString(string record, int damage, double at)
    {
        if (damage >= StringDamage.Length)
        {
            return record;
        }

        var quote = record.IndexOf('"', (int)(at * record.Length));
        return quote < 0 ? record : record.Insert(quote + 1, StringDamage[damage]);
    }

    /// <summary>Both ways of cutting records give the same items (kind, index, message, record bytes) and
    /// counters, read in one piece or trickled a few bytes at a time.</summary>
    private static void AssertSameItems(byte[] file, int packing)
    {
        var input = packing == 0 ? Gzip.Compress(file) : file;
        foreach (var dismiss in new[] { false, true })
        {
            var reference = Describe(input, new CloudTrailReader { TokenizeEveryRecord = true, DismissReadOnlyAndDataEvents = dismiss }, packing);
            var structural = Describe(input, new CloudTrailReader { DismissReadOnlyAndDataEvents = dismiss }, packing);
            Assert.Equal(reference, structural);
        }
    }

    private static string Describe(byte[] input, CloudTrailReader reader, int packing)
    {
        var counters = new ReadCounters();
        Stream stream = packing >= 2 ? new TrickleStream(input, packing == 2 ? 7 : 300) : new MemoryStream(input);
        var items = reader.Read(stream, "same.json", counters)
            .Select(i => $"{i.Kind} {i.Location} {i.Message} {(i.Record is { } record ? Convert.ToHexString(record.Raw.Span) : string.Empty)}");
        return string.Join('\n', items) + $"\n{JsonSerializer.Serialize(counters)}";
    }

    private static (string Findings, string Decisions, long Malformed) Tally(byte[] input, CloudTrailReader reader)
    {
        var counters = new ReadCounters();
        var detector = new Detector(new DetectorSettings());
        var decisions = new SortedDictionary<DetectionDecision, long>();
        var findings = new List<string>();
        foreach (var item in reader.Read(input, "tally.jsonl", counters).Where(i => i.Kind == ReadItemKind.LambdaRecord))
        {
            var detection = detector.Detect(item.Record!, item.Location);
            decisions[detection.Decision] = decisions.GetValueOrDefault(detection.Decision) + 1;
            if (detection.Finding is { } finding)
            {
                findings.Add($"{item.Location}:{finding.RuleId}:{finding.Severity}");
            }
        }

        decisions[DetectionDecision.ReadOnly] = decisions.GetValueOrDefault(DetectionDecision.ReadOnly) + counters.DismissedReadOnly;
        decisions[DetectionDecision.DataEvent] = decisions.GetValueOrDefault(DetectionDecision.DataEvent) + counters.DismissedDataEvents;
        return (string.Join(' ', findings), string.Join(' ', decisions), counters.MalformedRecords);
    }

    private static List<ReadItem> ReadDetectAndWrite(byte[] input, CloudTrailReader reader, ReadCounters counters)
    {
        var detector = new Detector(new DetectorSettings());
        var items = new List<ReadItem>();
        foreach (var item in reader.Read(input, "fuzz.json", counters))
        {
            items.Add(item);
            if (item.Record is { } record && detector.Detect(record, item.Location).Finding is { } finding)
            {
                _ = FindingJson.FindingLine(finding, null, 16 * 1024);
            }
        }

        return items;
    }

    private static (DetectionDecision, string?) DecisionOf(string line)
    {
        var item = Assert.Single(Fixtures.ReadAll(Encoding.UTF8.GetBytes(line)));
        Assert.Equal(ReadItemKind.LambdaRecord, item.Kind);
        var detection = new Detector(new DetectorSettings()).Detect(item.Record!);
        return (detection.Decision, detection.Finding?.RuleId);
    }

    /// <summary>Every Lambda record of the rule and seed-case fixtures, one compact JSON line each.</summary>
    private static string[] LoadRecordLines()
    {
        var lines = new List<string>();
        foreach (var folder in new[] { "Rules", "SeedCases" })
        {
            foreach (var file in Directory.GetFiles(Fixtures.PathOf(folder), "*.json").Order(StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(file));
                var root = document.RootElement;
                var records = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Records", out var array) ? array.EnumerateArray().ToList() : [root];
                lines.AddRange(records
                    .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("eventID", out _) && r.TryGetProperty("userAgent", out _))
                    .Where(r => Fixtures.ReadAll(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(r))) is [{ Kind: ReadItemKind.LambdaRecord }])
                    .Select(r => JsonSerializer.Serialize(r)));
            }
        }

        Assert.NotEmpty(lines);
        return [.. lines];
    }

    private static byte[][] LoadFiles() =>
        [.. new[] { "Reading", "Hostile", "Rules" }
            .SelectMany(folder => Directory.GetFiles(Fixtures.PathOf(folder)))
            .Where(path => new FileInfo(path).Length < 64 * 1024)
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)];

    /// <summary>One edit of a file: positions are fractions of its length so any file takes any mutation.</summary>
    private readonly record struct Mutation(int Kind, double At, double To, int Pick)
    {
        public byte[] Apply(byte[] content)
        {
            var at = (int)(At * content.Length);
            var to = Math.Max(at, (int)(To * content.Length));
            return Kind switch
            {
                0 => content[..at],
                1 => [.. content[..at], .. Splice()],
                2 when content.Length > 0 => [.. content[..Math.Min(at, content.Length - 1)], (byte)Pick, .. content[(Math.Min(at, content.Length - 1) + 1)..]],
                3 => [.. content[..at], .. Encoding.UTF8.GetBytes(Escapes[Pick % Escapes.Length]), .. content[at..]],
                4 => [.. Encoding.UTF8.GetBytes(Wrappers[Pick % Wrappers.Length].Before), .. content, .. Encoding.UTF8.GetBytes(Wrappers[Pick % Wrappers.Length].After)],
                5 => RepeatLine(content, at, (Pick % 5) + 1),
                6 => [.. content[..at], .. content[Math.Min(content.Length, at + ((to - at) % 4096))..]],
                7 => [.. content[..at], .. "\n- not json\n"u8.ToArray(), .. content[at..]],
                _ => content,
            };
        }

        private byte[] Splice()
        {
            var other = Files[Pick % Files.Length];
            return other[(int)(To * other.Length)..];
        }

        private static byte[] RepeatLine(byte[] content, int at, int times)
        {
            var start = at == 0 ? 0 : Array.LastIndexOf(content, (byte)'\n', Math.Max(0, at - 1)) + 1;
            var end = Array.IndexOf(content, (byte)'\n', at);
            end = end < 0 ? content.Length : end + 1;
            var line = content[start..end];
            return [.. content[..end], .. Enumerable.Repeat(line, times).SelectMany(l => l), .. content[end..]];
        }
    }
}
