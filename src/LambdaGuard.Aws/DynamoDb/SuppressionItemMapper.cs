using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Core.Suppressions;
using A = LambdaGuard.Aws.DynamoDb.SuppressionAttributes;

namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Converts between <see cref="SuppressionEntry"/> and a suppressions-table item. Reading is strict in
/// the safe direction: an item whose selector or reason cannot be read is skipped rather than read with the
/// field missing, because a missing selector would make the entry suppress more than intended.</summary>
public static class SuppressionItemMapper
{
    public const string PartitionValue = A.PartitionValue;

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
            [A.ExpiresAt] = new AttributeValue { S = IsoTimestamp.Format(expiresAt) },
            [A.TimeToLive] = Number(expiresAt.ToUnixTimeSeconds()),
        };
        AddText(item, A.Principal, entry.Principal);
        AddText(item, A.Function, entry.Function);
        AddText(item, A.Api, entry.Api);
        AddText(item, A.RuleId, entry.RuleId);
        AddText(item, A.Account, entry.Account);
        AddText(item, A.Region, entry.Region);
        AddText(item, A.CreatedBy, entry.CreatedBy);
        if (entry.CreatedAt is { } createdAt)
        {
            item[A.CreatedAt] = new AttributeValue { S = IsoTimestamp.Format(createdAt) };
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

    public static SuppressionItemReadResult Read(IReadOnlyDictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);

        var id = Text(item, A.Id, out var idError);
        if (idError is not null || string.IsNullOrEmpty(id))
        {
            return Skip(null, idError ?? "the item has no id");
        }

        var reason = Text(item, A.Reason, out var reasonError);
        var principal = Text(item, A.Principal, out var principalError);
        var function = Text(item, A.Function, out var functionError);
        var api = Text(item, A.Api, out var apiError);
        var ruleId = Text(item, A.RuleId, out var ruleIdError);
        var account = Text(item, A.Account, out var accountError);
        var region = Text(item, A.Region, out var regionError);
        if ((reasonError ?? principalError ?? functionError ?? apiError ?? ruleIdError ?? accountError ?? regionError) is { } fatal)
        {
            return Skip(id, fatal);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Skip(id, "reason is missing or empty");
        }

        var problems = new List<SuppressionItemProblem>();
        var expiresText = Text(item, A.ExpiresAt, out var expiresError);
        DateTimeOffset? expiresAt = null;
        if (IsoTimestamp.TryParse(expiresText, out var expires))
        {
            expiresAt = expires;
        }
        else
        {
            var what = expiresError ?? (expiresText is null ? "expiresAt is missing" : $"expiresAt '{expiresText}' is not an ISO 8601 UTC time");
            problems.Add(Degraded(id, $"{what}; the entry never suppresses"));
        }

        var createdBy = Text(item, A.CreatedBy, out var createdByError);
        if (createdByError is not null)
        {
            problems.Add(Degraded(id, $"{createdByError}; createdBy ignored"));
        }

        var createdText = Text(item, A.CreatedAt, out var createdError);
        DateTimeOffset? createdAt = null;
        if (IsoTimestamp.TryParse(createdText, out var created))
        {
            createdAt = created;
        }
        else if (createdError is not null || createdText is not null)
        {
            problems.Add(Degraded(id, $"{createdError ?? $"createdAt '{createdText}' is not an ISO 8601 UTC time"}; createdAt ignored"));
        }

        long? version = null;
        if (item.TryGetValue(A.Version, out var versionValue) && versionValue.NULL != true)
        {
            if (long.TryParse(versionValue.N, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                version = parsed;
            }
            else
            {
                problems.Add(Degraded(id, "version is not a whole number; version ignored, so updates of this entry will conflict"));
            }
        }

        var entry = new SuppressionEntry
        {
            Id = id,
            Reason = reason,
            ExpiresAt = expiresAt,
            Principal = principal,
            Function = function,
            Api = api,
            RuleId = ruleId,
            Account = account,
            Region = region,
            CreatedBy = createdBy,
            CreatedAt = createdAt,
            Version = version,
        };
        return new SuppressionItemReadResult(entry, problems);
    }

    /// <summary>An optional string attribute; a DynamoDB NULL counts as absent, any other type is an error.</summary>
    private static string? Text(IReadOnlyDictionary<string, AttributeValue> item, string name, out string? typeError)
    {
        typeError = null;
        if (!item.TryGetValue(name, out var value) || value.NULL == true)
        {
            return null;
        }

        if (value.S is null)
        {
            typeError = $"{name} is stored as {Describe(value)}, not a string";
        }

        return value.S;
    }

    private static string Describe(AttributeValue value) =>
        value.N is not null ? "a number"
        : value.IsBOOLSet ? "a boolean"
        : value.IsLSet ? "a list"
        : value.IsMSet ? "a map"
        : value.IsSSSet || value.IsNSSet || value.IsBSSet ? "a set"
        : value.B is not null ? "binary"
        : "an unknown type";

    private static SuppressionItemReadResult Skip(string? id, string message) =>
        new(null, [new SuppressionItemProblem(id, message, Skipped: true)]);

    private static SuppressionItemProblem Degraded(string id, string message) => new(id, message, Skipped: false);

    private static void AddText(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = new AttributeValue { S = value };
        }
    }

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
