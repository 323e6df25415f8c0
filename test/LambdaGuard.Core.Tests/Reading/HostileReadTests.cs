using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Reading;

/// <summary>The committed corpus of hostile files (Fixtures/Hostile): text that is not JSON, bad lines after
/// good ones, small bombs, undecodable strings. Each must finish with every problem reported once and no
/// record that survives lost.</summary>
public sealed class HostileReadTests
{
    /// <summary>Far more items than any fixture can honestly give: a reader that loops shows up as a failed
    /// assertion instead of a hung test run.</summary>
    private const int Runaway = 200_000;

    private static (List<ReadItem> Items, ReadCounters Counters) Read(string fixture, CloudTrailReader? reader = null)
    {
        var counters = new ReadCounters();
        var items = (reader ?? new CloudTrailReader()).Read(Fixtures.Bytes("Hostile", fixture), fixture, counters).Take(Runaway).ToList();
        Assert.True(items.Count < Runaway, $"{fixture}: the reader did not stop");
        return (items, counters);
    }

    [Theory]
    [InlineData("x-dash.txt")]
    [InlineData("markdown-list.md")]
    [InlineData("numbered-list.txt")]
    [InlineData("timestamped.log")]
    [InlineData("binary.bin")]
    [InlineData("not-json.json.gz")]
    public void Read_WhenFileIsTextOrBinaryWithoutJson_ShouldReportOneNotJsonFileError(string fixture)
    {
        // Act
        var (items, counters) = Read(fixture);

        // Assert
        var error = Assert.Single(items);
        Assert.Equal(ReadItemKind.FileError, error.Kind);
        Assert.StartsWith("not JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, counters.FileErrors);
        Assert.Equal(0, counters.MalformedRecords);
    }

    [Fact]
    public void Read_WhenValidRecordIsFollowedByTextLines_ShouldReportEachLineOnceAfterTheRecord()
    {
        // Act: a record, then "- one", "- two", a timestamped log line, "3. three" (prose is folded into the line before).
        var (items, counters) = Read("valid-then-text.jsonl");

        // Assert
        Assert.Equal("read-1", items[0].Record?.EventId);
        Assert.Equal(["#1", "#2", "#3", "#4"], items.Skip(1).Select(i => "#" + i.Location.Index));
        Assert.All(items.Skip(1), i => Assert.Equal(ReadItemKind.MalformedRecord, i.Kind));
        Assert.Equal(4, counters.MalformedRecords);
        Assert.Equal(0, counters.FileErrors);
    }

    /// <summary>Found by the long fuzz run (seed aH7tRiwuORe1): after a good line, a log line whose broken
    /// record no longer pairs its quotes and which ends in a backslash. Stepping over the broken record, the
    /// backslash took the newline for an escaped character, and the skip ran on through the next, intact
    /// line, which was lost without a word.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Read_WhenABrokenLineEndsInABackslash_ShouldStillReadTheNextLine(int chunk)
    {
        // Arrange
        var record = JsonSerializer.Serialize(JsonDocument.Parse(Fixtures.Text("Rules", "lg001-code-updated.json")).RootElement.GetProperty("Records")[0]);
        var broken = "{\"Records\":[{\"eventVersion\":\"1.05\",\"userIdentity\":{erName\":\"john\"},\"eventTime\":\"2019-01-01T00:00:00Z\"}]}\\";
        var lines = $"{Identified(record, "first")}\n{broken}\n{Identified(record, "after-backslash")}\n";

        // Act
        var items = new CloudTrailReader().Read(new TrickleStream(System.Text.Encoding.UTF8.GetBytes(lines), chunk), "lines.jsonl", new ReadCounters()).Take(Runaway).ToList();

        // Assert
        Assert.Equal(["first", "after-backslash"], items.Where(i => i.Kind == ReadItemKind.LambdaRecord).Select(i => i.Record!.EventId));
        Assert.Contains(items, i => i.Kind == ReadItemKind.MalformedRecord);
    }

    private static string Identified(string record, string eventId) =>
        System.Text.RegularExpressions.Regex.Replace(record, "\"eventID\":\"[^\"]*\"", $"\"eventID\":\"{eventId}\"");

    [Fact]
    public void Read_WhenJsonLinesFileStartsMidLine_ShouldReportThePartialLineAndReadTheRest()
    {
        // Act: what `split -b` leaves at the start of every chunk but the first.
        var (items, counters) = Read("split-mid-line.jsonl");

        // Assert
        Assert.Equal(ReadItemKind.MalformedRecord, items[0].Kind);
        Assert.Equal(["read-2", "read-3"], items.Skip(1).Select(i => i.Record?.EventId));
        Assert.Equal(0, counters.FileErrors);
    }

    [Fact]
    public void Read_WhenFiftyThousandBadLinesFollowARecord_ShouldReportEachOnceInOrder()
    {
        // Act
        var (items, counters) = Read("many-bad-lines.jsonl.gz");

        // Assert
        Assert.Equal("read-1", items[0].Record?.EventId);
        Assert.Equal(50_000, counters.MalformedRecords);
        Assert.Equal(Enumerable.Range(1, 50_000).Select(i => (long)i), items.Skip(1).Select(i => i.Location.Index));
    }

    [Theory]
    [InlineData("long-string-bomb.json.gz", "read-2")]
    [InlineData("long-line-bomb.jsonl.gz", "read-2")]
    [InlineData("deep-nesting.json.gz", "read-2")]
    [InlineData("open-brackets.jsonl.gz", "read-2")]
    public void Read_WhenSmallBombSitsBetweenRecords_ShouldReportItAndReadTheRecordAfter(string fixture, string after)
    {
        // Act
        var (items, counters) = Read(fixture);

        // Assert
        Assert.Contains(items, i => i.Record?.EventId == after);
        Assert.Equal(1, counters.MalformedRecords);
        Assert.Equal(0, counters.FileErrors);
        Assert.DoesNotContain(items, i => i.Record?.EventId == "huge");
    }

    [Theory]
    [InlineData("lone-surrogate-user-agent.json", "surrogate-1")]
    [InlineData("lone-surrogate-function-name.json", "surrogate-2")]
    [InlineData("invalid-utf8-user-agent.json", "utf8-1")]
    public void Read_WhenCallerControlledStringCannotBeDecoded_ShouldReplaceItAndStillGiveTheFinding(string fixture, string eventId)
    {
        // Act
        var (items, counters) = Read(fixture);
        var item = Assert.Single(items);
        var finding = new Detector(new DetectorSettings()).Detect(item.Record!, item.Location).Finding;

        // Assert
        Assert.Equal(eventId, item.Record?.EventId);
        Assert.True(item.Record!.HasReplacedText);
        Assert.Equal(1, counters.RepairedRecords);
        Assert.NotNull(finding);
        Assert.Equal("LG001", finding.RuleId);
        using var line = JsonDocument.Parse(FindingJson.FindingLine(finding, null, 16 * 1024));
        Assert.Contains('\uFFFD', line.RootElement.GetProperty("event").GetProperty("userAgent").GetString() + line.RootElement.GetProperty("functionName").GetString());
    }

    [Fact]
    public void Read_WhenStringHoldsAPairedSurrogateEscape_ShouldKeepTheCharacter()
    {
        // Act
        var (items, _) = Read("paired-surrogate-escape.json");

        // Assert
        var record = Assert.Single(items).Record!;
        Assert.False(record.HasReplacedText);
        Assert.Equal("orders-\U0001F600-api", new Detector(new DetectorSettings()).Detect(record).Finding?.Target.FunctionName);
    }

    [Fact]
    public void Read_WhenEventNameIsAHundredThousandLetters_ShouldStillDecideItAsAChange()
    {
        // Arrange: a name no api has is an unknown change, never a read to dismiss early.
        var line = Fixtures.Text("Hostile", "paired-surrogate-escape.json").Replace("UpdateFunctionCode20150331v2", new string('U', 100_000), StringComparison.Ordinal);
        var reader = new CloudTrailReader { DismissReadOnlyAndDataEvents = true };

        // Act
        var item = Assert.Single(reader.Read(System.Text.Encoding.UTF8.GetBytes(line), "name.json", new ReadCounters()));
        var detection = new Detector(new DetectorSettings()).Detect(item.Record!, item.Location);

        // Assert: an unknown api by a human is a change (LG009), never dismissed.
        Assert.Equal(DetectionDecision.Finding, detection.Decision);
        Assert.Equal("LG009", detection.Finding!.RuleId);
    }
}
