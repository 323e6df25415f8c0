using System.Text;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Reading;

/// <summary>Every input format of docs/interfaces.md, and bad input of every kind: reported with path and index,
/// never a crash, never silently dropped.</summary>
public sealed class CloudTrailReaderTests
{
    private static (List<ReadItem> Items, ReadCounters Counters) Read(string fixture) =>
        Fixtures.ReadWithCounters(Fixtures.Bytes("Reading", fixture), fixture);

    private static IEnumerable<(ReadItemKind Kind, string Where, string? EventId)> Shape(IEnumerable<ReadItem> items) =>
        items.Select(i => (i.Kind, i.Location.ToString(), i.Record?.EventId));

    [Fact]
    public void Read_WhenCloudTrailLogFile_ShouldYieldLambdaRecordsAtTheirPositionAndOnlyCountTheOthers()
    {
        // Act
        var (items, counters) = Read("records.json");

        // Assert
        Assert.Equal(
            [(ReadItemKind.LambdaRecord, "records.json#0", "read-1"), (ReadItemKind.LambdaRecord, "records.json#2", "read-2"), (ReadItemKind.LambdaRecord, "records.json#3", "read-3")],
            Shape(items));
        Assert.Equal(1, counters.Files);
        Assert.Equal(4, counters.Records);
        Assert.Equal(3, counters.LambdaRecords);
        Assert.Equal(1, counters.OtherRecords);
        Assert.Equal(0, counters.MalformedRecords);
    }

    [Fact]
    public void Read_WhenRecordsFileBreaksOff_ShouldKeepTheRecordsBeforeAndReportWhereItBroke()
    {
        // Act
        var (items, counters) = Read("truncated-records.json");

        // Assert
        Assert.Equal(["read-1", "read-2"], items.Where(i => i.Kind == ReadItemKind.LambdaRecord).Select(i => i.Record!.EventId));
        var error = Assert.Single(items, i => i.Kind == ReadItemKind.FileError);
        Assert.Equal("truncated-records.json", error.Location.Path);
        Assert.Equal(2, error.Location.Index);
        Assert.Contains("#2", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, counters.FileErrors);
    }

    [Fact]
    public void Read_WhenJsonLinesHaveABrokenLineInTheMiddle_ShouldReportItAndReadTheLinesAfter()
    {
        // Act
        var (items, counters) = Read("bad-line.jsonl");

        // Assert
        Assert.Equal(
            [(ReadItemKind.LambdaRecord, "bad-line.jsonl#0", "read-1"), (ReadItemKind.MalformedRecord, "bad-line.jsonl#1", null), (ReadItemKind.LambdaRecord, "bad-line.jsonl#2", "read-3")],
            Shape(items));
        Assert.Contains("invalid JSON", items[1].Message, StringComparison.Ordinal);
        Assert.Equal(1, counters.MalformedRecords);
        Assert.Equal(0, counters.FileErrors);
    }

    [Fact]
    public void Read_WhenJsonLinesHoldScalarsAfterABrokenLine_ShouldReportEveryLineAtItsOwnIndex()
    {
        // Act
        var (items, counters) = Read("broken-then-scalars.jsonl");

        // Assert
        Assert.Equal(
            [
                (ReadItemKind.LambdaRecord, "broken-then-scalars.jsonl#0", "read-1"),
                (ReadItemKind.MalformedRecord, "broken-then-scalars.jsonl#1", null),
                (ReadItemKind.MalformedRecord, "broken-then-scalars.jsonl#2", null),
                (ReadItemKind.MalformedRecord, "broken-then-scalars.jsonl#3", null),
                (ReadItemKind.LambdaRecord, "broken-then-scalars.jsonl#4", (string?)"read-3"),
            ],
            Shape(items));
        Assert.Contains("a string", items[2].Message, StringComparison.Ordinal);
        Assert.Contains("a number", items[3].Message, StringComparison.Ordinal);
        Assert.Equal(3, counters.MalformedRecords);
    }

    [Fact]
    public void Read_WhenRecordsAreNotObjects_ShouldReportEachWithWhatWasFound()
    {
        // Act
        var (items, counters) = Read("non-object-records.json");

        // Assert
        Assert.Equal(
            [
                (ReadItemKind.MalformedRecord, "non-object-records.json#0", null),
                (ReadItemKind.MalformedRecord, "non-object-records.json#1", null),
                (ReadItemKind.MalformedRecord, "non-object-records.json#2", null),
                (ReadItemKind.MalformedRecord, "non-object-records.json#3", null),
                (ReadItemKind.LambdaRecord, "non-object-records.json#4", (string?)"read-2"),
            ],
            Shape(items));
        Assert.Equal(["a string", "a number", "null", "an array"], items.Take(4).Select(i => i.Message!.Split("found ")[1].TrimEnd(')')));
        Assert.Equal(4, counters.MalformedRecords);
    }

    [Fact]
    public void Read_WhenLambdaRecordLacksUserIdentityOrItsType_ShouldReportItAsMalformed()
    {
        // Act
        var (items, counters) = Read("missing-identity.json");

        // Assert
        Assert.Equal(
            [
                (ReadItemKind.MalformedRecord, "missing-identity.json#0", null),
                (ReadItemKind.MalformedRecord, "missing-identity.json#1", null),
                (ReadItemKind.MalformedRecord, "missing-identity.json#2", null),
                (ReadItemKind.MalformedRecord, "missing-identity.json#3", null),
                (ReadItemKind.LambdaRecord, "missing-identity.json#4", (string?)"read-2"),
            ],
            Shape(items));
        Assert.Contains("userIdentity", items[0].Message, StringComparison.Ordinal);
        Assert.Contains("userIdentity.type", items[1].Message, StringComparison.Ordinal);
        Assert.Equal(4, counters.MalformedRecords);
        Assert.Equal(5, counters.LambdaRecords);
    }

    [Fact]
    public void Read_WhenOtherServicesRecordsLackAType_ShouldSkipThemWithoutValidation()
    {
        // Act
        var (items, counters) = Read("other-services.json");

        // Assert
        var item = Assert.Single(items);
        Assert.Equal(ReadItemKind.LambdaRecord, item.Kind);
        Assert.Equal(2, item.Location.Index);
        Assert.Equal(2, counters.OtherRecords);
        Assert.Equal(0, counters.MalformedRecords);
    }

    [Fact]
    public void Read_WhenRecordsIsNotTheFirstKey_ShouldStillReadEveryRecord()
    {
        // Act
        var (items, _) = Read("records-not-first.json");

        // Assert
        Assert.Equal(["records-not-first.json#0", "records-not-first.json#2", "records-not-first.json#3"], items.Select(i => i.Location.ToString()));
        Assert.All(items, i => Assert.Equal(ReadItemKind.LambdaRecord, i.Kind));
    }

    [Theory]
    [InlineData("single-record.json")]
    [InlineData("eventbridge.json")]
    [InlineData("on-failure-destination.json")]
    public void Read_WhenFileHoldsOneRecordInAnyWrapper_ShouldYieldItAtIndexZero(string fixture)
    {
        // Act
        var (items, _) = Read(fixture);

        // Assert
        var item = Assert.Single(items);
        Assert.Equal(ReadItemKind.LambdaRecord, item.Kind);
        Assert.Equal(0, item.Location.Index);
        Assert.Equal("read-1", item.Record!.EventId);
        Assert.Equal("IAMUser", item.Record.UserIdentity!.Type);
    }

    [Fact]
    public void Read_WhenJsonLinesOfEventBridgeEvents_ShouldYieldEachDetail()
    {
        // Act
        var (items, _) = Read("eventbridge.jsonl");

        // Assert
        Assert.Equal([(ReadItemKind.LambdaRecord, "eventbridge.jsonl#0", "read-1"), (ReadItemKind.LambdaRecord, "eventbridge.jsonl#1", "read-2")], Shape(items));
    }

    [Fact]
    public void Read_WhenSqsMessagesHoldEvents_ShouldYieldThemAndReportABodyThatIsNotJson()
    {
        // Act
        var (items, _) = Read("sqs-messages.json");

        // Assert
        Assert.Equal([(ReadItemKind.LambdaRecord, "sqs-messages.json#0", "read-1"), (ReadItemKind.MalformedRecord, "sqs-messages.json#1", null)], Shape(items));
    }

    [Theory]
    [InlineData("digest.json")]
    [InlineData("scheduled-event.json")]
    public void Read_WhenFileCarriesNoApiCall_ShouldSkipItWithoutAnError(string fixture)
    {
        // Act
        var (items, counters) = Read(fixture);

        // Assert
        Assert.Empty(items);
        Assert.Equal(1, counters.Skipped);
        Assert.Equal(0, counters.FileErrors);
    }

    [Fact]
    public void Read_WhenInsightsRecordSitsAmongRecords_ShouldSkipOnlyTheInsight()
    {
        // Act
        var (items, counters) = Read("insights.json");

        // Assert
        Assert.Equal([(ReadItemKind.LambdaRecord, "insights.json#1", "read-1")], Shape(items));
        Assert.Equal(1, counters.Skipped);
        Assert.Equal(0, counters.MalformedRecords);
    }

    [Theory]
    [InlineData("empty.json")]
    [InlineData("not-json.txt")]
    public void Read_WhenFileIsNotJson_ShouldReportAFileError(string fixture)
    {
        // Act
        var (items, counters) = Read(fixture);

        // Assert
        var error = Assert.Single(items);
        Assert.Equal(ReadItemKind.FileError, error.Kind);
        Assert.Equal(fixture, error.Location.Path);
        Assert.Contains("not JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, counters.FileErrors);
    }

    [Theory]
    [InlineData("records.json")]
    [InlineData("bad-line.jsonl")]
    [InlineData("truncated-records.json")]
    [InlineData("eventbridge.jsonl")]
    [InlineData("non-object-records.json")]
    public void Read_WhenSameContentIsGzipped_ShouldGiveTheSameItems(string fixture)
    {
        // Arrange
        var plain = Fixtures.Bytes("Reading", fixture);

        // Act
        var fromPlain = Fixtures.ReadAll(plain, fixture);
        var fromGzip = Fixtures.ReadAll(Gzip.Compress(plain), fixture);

        // Assert
        Assert.NotEmpty(fromPlain);
        Assert.Equal(fromPlain.Select(i => (i.Kind, i.Location, i.Record?.EventId, i.Message)), fromGzip.Select(i => (i.Kind, i.Location, i.Record?.EventId, i.Message)));
    }

    [Theory]
    [InlineData("records.json", false)]
    [InlineData("records.json", true)]
    [InlineData("bad-line.jsonl", false)]
    [InlineData("sqs-messages.json", false)]
    public void Read_WhenStreamDeliversAFewBytesAtATime_ShouldGiveTheSameItems(string fixture, bool gzip)
    {
        // Arrange
        var content = Fixtures.Bytes("Reading", fixture);
        var expected = Fixtures.ReadAll(content, fixture).Select(i => (i.Kind, i.Location, i.Record?.EventId));

        // Act
        var counters = new ReadCounters();
        var items = new CloudTrailReader().Read(new TrickleStream(gzip ? Gzip.Compress(content) : content, 7), fixture, counters).ToList();

        // Assert
        Assert.Equal(expected, items.Select(i => (i.Kind, i.Location, i.Record?.EventId)));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 4096)]
    [InlineData(true, 4096)]
    public void Read_WhenFileStartsWithAByteOrderMark_ShouldReadItAsJson(bool gzip, int chunk)
    {
        // Arrange: what Windows tools write when they save "UTF-8".
        byte[] content = [0xEF, 0xBB, 0xBF, .. Fixtures.Bytes("Reading", "records.json")];

        // Act
        var items = new CloudTrailReader().Read(new TrickleStream(gzip ? Gzip.Compress(content) : content, chunk), "bom.json", new ReadCounters()).ToList();

        // Assert
        Assert.Equal(["read-1", "read-2", "read-3"], items.Select(i => i.Record?.EventId));
    }

    [Fact]
    public void Read_WhenFieldsHaveOddTypes_ShouldReadTheRecordLeniently()
    {
        // Act
        var (items, _) = Read("lenient.json");

        // Assert
        var record = Assert.Single(items).Record!;
        Assert.Equal("123456789012", record.RecipientAccountId);
        Assert.False(record.ReadOnly);
        Assert.True(record.SessionCredentialFromConsole);
        Assert.Null(record.UserIdentity!.SessionContext);
        Assert.Equal("not a time", record.EventTime);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_WhenRecordIsLargerThanTheLimit_ShouldReportItAndReadTheRecordsAfter(bool gzip)
    {
        // Arrange
        var json = Fixtures.Text("Reading", "huge-name-template.json").Replace("HUGE_NAME", new string('a', 2 * 1024 * 1024), StringComparison.Ordinal);
        var content = Encoding.UTF8.GetBytes(json);
        var reader = new CloudTrailReader { MaxRecordBytes = 1024 * 1024 };

        // Act
        var counters = new ReadCounters();
        var items = reader.Read(gzip ? Gzip.Compress(content) : content, "huge.json", counters).ToList();

        // Assert
        Assert.Equal(
            [(ReadItemKind.LambdaRecord, "huge.json#0", "read-1"), (ReadItemKind.MalformedRecord, "huge.json#1", null), (ReadItemKind.LambdaRecord, "huge.json#2", (string?)"read-2")],
            Shape(items));
        Assert.Contains("1 MiB or larger", items[1].Message, StringComparison.Ordinal);
        Assert.Equal(0, counters.FileErrors);
    }

    [Fact]
    public void Read_WhenRecordHasNoEventId_ShouldKeepItsRawBytes()
    {
        // Act
        var (items, _) = Read("no-event-id.json");

        // Assert
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.False(i.Record!.Raw.IsEmpty));
    }
}
