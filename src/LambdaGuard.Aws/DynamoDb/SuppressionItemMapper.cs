using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Time;
using A = LambdaGuard.Aws.DynamoDb.SuppressionAttributes;

namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Converts between <see cref="SuppressionEntry"/> and a suppressions-table item (docs/dynamodb-items.md).</summary>
public static class SuppressionItemMapper
{
    public const string PartitionValue = A.PartitionValue;

    /// <summary>The table's own attributes: its key, the optimistic-concurrency version and the TTL copy of
    /// expiresAt. They are not entry fields, so the entry reader passes over them.</summary>
    private static readonly string[] StorageAttributes = [A.PartitionKey, A.Version, A.TimeToLive];

    /// <exception cref="ArgumentException">The entry has no id, no reason or no expiry.</exception>
    public static Dictionary<string, AttributeValue> ToItem(SuppressionEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (string.IsNullOrWhiteSpace(entry.Id))
        {
            throw new ArgumentException("A suppression entry needs a non-empty id.", nameof(entry));
        }

        if (string.IsNullOrWhiteSpace(entry.Reason))
        {
            throw new ArgumentException($"Suppression '{entry.Id}' needs a non-empty reason.", nameof(entry));
        }

        if (entry.ExpiresAt is not { } expiresAt)
        {
            throw new ArgumentException($"Suppression '{entry.Id}' needs an expiresAt.", nameof(entry));
        }

        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [A.PartitionKey] = new AttributeValue { S = A.PartitionValue },
            [A.Id] = new AttributeValue { S = entry.Id },
            [A.Reason] = new AttributeValue { S = entry.Reason },
            [A.ExpiresAt] = new AttributeValue { S = IsoTime.FormatPrecise(expiresAt) },
            [A.TimeToLive] = Number(expiresAt.ToUnixTimeSeconds()),
        };
        foreach (var selector in SuppressionSelectors.All)
        {
            AddText(item, selector.Name, selector.Get(entry));
        }

        AddText(item, A.CreatedBy, entry.CreatedBy);
        if (entry.CreatedAt is { } createdAt)
        {
            item[A.CreatedAt] = new AttributeValue { S = IsoTime.FormatPrecise(createdAt) };
        }

        if (entry.Version is { } version)
        {
            item[A.Version] = Number(version);
        }

        return item;
    }

    public static Dictionary<string, AttributeValue> KeyOf(string id) => new(StringComparer.Ordinal)
    {
        [A.PartitionKey] = new AttributeValue { S = A.PartitionValue },
        [A.Id] = new AttributeValue { S = id },
    };

    /// <summary>Reads a stream record's image (DynamoDB JSON); a malformed image is reported like an
    /// unreadable item.</summary>
    public static SuppressionItemReadResult ReadStreamImage(JsonElement image)
    {
        Dictionary<string, AttributeValue> item;
        try
        {
            item = DynamoDbJsonImage.ToAttributeMap(image);
        }
        catch (FormatException e)
        {
            var id = image.ValueKind == JsonValueKind.Object
                && image.TryGetProperty(A.Id, out var idValue)
                && idValue.ValueKind == JsonValueKind.Object
                && idValue.TryGetProperty("S", out var text)
                && text.ValueKind == JsonValueKind.String
                    ? text.GetString()
                    : null;
            return new SuppressionItemReadResult(null, [new SuppressionItemProblem(id, e.Message, Skipped: true)]);
        }

        return Read(item);
    }

    /// <summary>Reads an item with the same reader and validator as the local file, so a backtest and
    /// production judge an entry alike: an item with any problem is returned with it and suppresses nothing.
    /// Only an item without a readable id is left out.</summary>
    public static SuppressionItemReadResult Read(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var read = SuppressionEntryReader.Read(item.Select(a => KeyValuePair.Create(a.Key, Stored(a.Value))), StorageAttributes);
        var id = read.Entry?.Id;
        var problems = read.Problems.Select(p => new SuppressionItemProblem(id, p.ToString(), Skipped: true))
            .Concat(read.Warnings.Select(w => new SuppressionItemProblem(id, "warning: " + w, Skipped: false)))
            .ToList();
        if (read.Entry is not { } entry)
        {
            return new SuppressionItemReadResult(null, problems);
        }

        if (item.TryGetValue(A.Version, out var versionValue) && versionValue.NULL != true)
        {
            if (long.TryParse(versionValue.N, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                entry = entry with { Version = version };
            }
            else
            {
                problems.Add(new SuppressionItemProblem(id, "version is not a whole number; version ignored, so updates of this entry will conflict", Skipped: false));
            }
        }

        return new SuppressionItemReadResult(entry, problems);
    }

    private static SuppressionStoredValue Stored(AttributeValue value) =>
        value.S is not null ? SuppressionStoredValue.Of(value.S)
        : value.NULL == true ? new(SuppressionStoredValueKind.Null, null)
        : value.N is not null ? new(SuppressionStoredValueKind.Number, null)
        : value.IsBOOLSet ? new(SuppressionStoredValueKind.Boolean, null)
        : value.IsLSet || value.IsSSSet || value.IsNSSet || value.IsBSSet ? new(SuppressionStoredValueKind.List, null)
        : value.IsMSet ? new(SuppressionStoredValueKind.Map, null)
        : new(SuppressionStoredValueKind.Other, null);

    private static void AddText(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = new AttributeValue { S = value };
        }
    }

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
