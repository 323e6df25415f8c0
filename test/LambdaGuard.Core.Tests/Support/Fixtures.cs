using LambdaGuard.Core.Reading;

namespace LambdaGuard.Core.Tests.Support;

/// <summary>Reads fixture files the way the scan does (through <see cref="CloudTrailReader"/>), so a test
/// never hands the detector a record the reader would not produce.</summary>
internal static class Fixtures
{
    public static string PathOf(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    public static byte[] Bytes(params string[] parts) => File.ReadAllBytes(PathOf(parts));

    public static string Text(params string[] parts) => File.ReadAllText(PathOf(parts));

    public static List<ReadItem> ReadAll(byte[] content, string path = "fixture.json")
    {
        var counters = new ReadCounters();
        return new CloudTrailReader().Read(content, path, counters).ToList();
    }

    public static (List<ReadItem> Items, ReadCounters Counters) ReadWithCounters(byte[] content, string path = "fixture.json")
    {
        var counters = new ReadCounters();
        var items = new CloudTrailReader().Read(content, path, counters).ToList();
        return (items, counters);
    }

    /// <summary>The only record of a single-record fixture.</summary>
    public static CloudTrailRecord Record(params string[] parts)
    {
        var item = Assert.Single(ReadAll(Bytes(parts), PathOf(parts)));
        Assert.Equal(ReadItemKind.LambdaRecord, item.Kind);
        return item.Record!;
    }

    /// <summary>The record with this eventID from a <c>{"Records":[...]}</c> fixture.</summary>
    public static CloudTrailRecord RecordById(string file, string eventId)
    {
        var items = ReadAll(Bytes(file), file);
        var match = items.Where(i => i.Kind == ReadItemKind.LambdaRecord && i.Record!.EventId == eventId).ToList();
        return Assert.Single(match).Record!;
    }

    public static CloudTrailRecord Parse(string json)
    {
        var item = Assert.Single(ReadAll(System.Text.Encoding.UTF8.GetBytes(json)));
        Assert.True(item.Kind == ReadItemKind.LambdaRecord, $"expected a Lambda record, got {item.Kind}: {item.Message}");
        return item.Record!;
    }
}
