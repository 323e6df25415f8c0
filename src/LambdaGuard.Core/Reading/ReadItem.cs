namespace LambdaGuard.Core.Reading;

/// <summary>What the reader hands on: Lambda records and problems. Records of other services are only
/// counted (<see cref="ReadCounters"/>), never materialised.</summary>
public sealed record ReadItem(ReadItemKind Kind, RecordLocation Location, CloudTrailRecord? Record = null, string? Message = null)
{
    public static ReadItem Lambda(RecordLocation location, CloudTrailRecord record) => new(ReadItemKind.LambdaRecord, location, record);

    public static ReadItem Malformed(RecordLocation location, string message) => new(ReadItemKind.MalformedRecord, location, Message: message);

    public static ReadItem FileError(RecordLocation location, string message) => new(ReadItemKind.FileError, location, Message: message);
}
