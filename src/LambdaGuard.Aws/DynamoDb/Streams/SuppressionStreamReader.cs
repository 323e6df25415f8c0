using System.Text.Json;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Aws.DynamoDb.Streams;

/// <summary>Turns the suppressions table's stream records into <see cref="SuppressionChange"/>s for the LG011
/// audit. An item that cannot be read as an entry is still a change to the list: it is audited under a
/// placeholder entry rather than dropped.</summary>
public static class SuppressionStreamReader
{
    private const string DynamoDbSource = "aws:dynamodb";

    public static StreamChange Read(StreamRecord? record, int index)
    {
        var where = $"DynamoDB stream record #{index}";
        if (record is null)
        {
            return Problem(null, where, "the record is null");
        }

        where = $"DynamoDB stream record #{index} ({record.EventId ?? "no eventID"})";
        var sequence = record.Dynamodb?.SequenceNumber;
        if (!string.Equals(record.EventSource, DynamoDbSource, StringComparison.Ordinal))
        {
            return Problem(sequence, where, $"eventSource is '{record.EventSource ?? "(missing)"}', not '{DynamoDbSource}'");
        }

        if (string.IsNullOrEmpty(record.EventId))
        {
            return Problem(sequence, where, "the record has no eventID");
        }

        SuppressionChangeKind? kind = record.EventName switch
        {
            "INSERT" => SuppressionChangeKind.Added,
            "MODIFY" => SuppressionChangeKind.Changed,
            "REMOVE" => SuppressionChangeKind.Removed,
            _ => null,
        };
        if (kind is null)
        {
            return Problem(sequence, where, $"eventName is '{record.EventName ?? "(missing)"}', not INSERT, MODIFY or REMOVE");
        }

        var data = record.Dynamodb;
        if (data is null)
        {
            return Problem(sequence, where, "the record has no dynamodb section");
        }

        var warnings = new List<string>();
        var keyId = KeyId(data.Keys);
        var before = Image(data.OldImage, "OldImage", keyId, warnings);
        var after = Image(data.NewImage, "NewImage", keyId, warnings);
        if (before is null && after is null)
        {
            return Problem(sequence, where, "the record has neither NewImage nor OldImage (the stream must use NEW_AND_OLD_IMAGES)");
        }

        DateTimeOffset? changedAt = data.ApproximateCreationDateTime is { } seconds && double.IsFinite(seconds)
            ? DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(seconds * 1000))
            : null;
        var change = new SuppressionChange(kind.Value, before, after, record.EventId, AccountOf(record.EventSourceArn), record.AwsRegion, changedAt);
        return new StreamChange(change, sequence, where, null, warnings);
    }

    private static SuppressionEntry? Image(JsonElement? image, string name, string? keyId, List<string> warnings)
    {
        if (image is not { ValueKind: JsonValueKind.Object } present)
        {
            return null;
        }

        var result = SuppressionItemMapper.ReadStreamImage(present);
        foreach (var problem in result.Problems)
        {
            warnings.Add($"{name}: {problem}");
        }

        if (result.Entry is not null)
        {
            return result.Entry;
        }

        var id = result.Problems.Select(p => p.Id).FirstOrDefault(i => i is not null) ?? keyId ?? "(unreadable id)";
        return new SuppressionEntry
        {
            Id = id,
            Reason = "(unreadable item: " + string.Join("; ", result.Problems.Select(p => p.Message)) + ")",
            ExpiresAt = null,
        };
    }

    private static string? KeyId(JsonElement? keys) =>
        keys is { ValueKind: JsonValueKind.Object } k
        && k.TryGetProperty("id", out var id)
        && id.ValueKind == JsonValueKind.Object
        && id.TryGetProperty("S", out var text)
        && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;

    // arn:aws:dynamodb:REGION:ACCOUNT:table/NAME/stream/LABEL
    private static string? AccountOf(string? arn)
    {
        var parts = arn?.Split(':');
        return parts is { Length: >= 6 } && parts[4].Length > 0 ? parts[4] : null;
    }

    private static StreamChange Problem(string? sequence, string where, string problem) => new(null, sequence, where, problem, []);
}
