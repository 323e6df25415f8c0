using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Core.Coverage;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Time;
using S = LambdaGuard.Aws.DynamoDb.SpokeSignalAttributes;

namespace LambdaGuard.Aws.DynamoDb;

/// <summary>
/// The last signal per account and region, kept in the alert-claims table under the <c>signal#</c> key prefix
/// (no TTL: a spoke must stay known to be noticed when it goes quiet). One conditional UpdateItem per heartbeat;
/// the hourly check is one paginated Scan of the table's signal items.
/// </summary>
public sealed class DynamoDbSpokeSignals : ISpokeSignals
{
    private readonly IAmazonDynamoDB dynamoDb;

    public DynamoDbSpokeSignals(IAmazonDynamoDB dynamoDb, string tableName)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        this.dynamoDb = dynamoDb;
        TableName = tableName;
    }

    public string TableName { get; }

    public async Task RecordAsync(string account, string region, DateTimeOffset signalAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);

        // False when a newer signal is already stored.
        _ = await TryUpdateAsync(
            account,
            region,
            "SET #kind = :kind, #account = :account, #region = :region, #lastAt = :at, #lastMs = :ms REMOVE #quietAt, #quietMs",
            // A late, out-of-order heartbeat never moves the last signal back.
            "attribute_not_exists(#lastMs) OR #lastMs < :ms",
            new Dictionary<string, string>
            {
                ["#kind"] = S.Kind,
                ["#account"] = S.Account,
                ["#region"] = S.Region,
                ["#lastAt"] = S.LastSignalAt,
                ["#lastMs"] = S.LastSignalMs,
                ["#quietAt"] = S.QuietAlertedAt,
                ["#quietMs"] = S.QuietAlertedMs,
            },
            new Dictionary<string, AttributeValue>
            {
                [":kind"] = Text(S.KindValue),
                [":account"] = Text(account),
                [":region"] = Text(region),
                [":at"] = Text(IsoTime.FormatPrecise(signalAt)),
                [":ms"] = Number(signalAt.ToUnixTimeMilliseconds()),
            },
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<SpokeSignal>> ListAsync(CancellationToken cancellationToken)
    {
        var signals = new List<SpokeSignal>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var response = await dynamoDb.ScanAsync(
                new ScanRequest
                {
                    TableName = TableName,
                    FilterExpression = "begins_with(#key, :prefix)",

                    // The detector's IAM policy allows the scan only for these attributes (docs/organization.md).
                    Select = Select.SPECIFIC_ATTRIBUTES,
                    ProjectionExpression = "#key, #account, #region, #last, #quiet",
                    ExpressionAttributeNames = new Dictionary<string, string>
                    {
                        ["#key"] = S.Key,
                        ["#account"] = S.Account,
                        ["#region"] = S.Region,
                        ["#last"] = S.LastSignalMs,
                        ["#quiet"] = S.QuietAlertedMs,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":prefix"] = Text(S.KeyPrefix) },
                    ExclusiveStartKey = start,
                },
                cancellationToken).ConfigureAwait(false);
            foreach (var item in response.Items ?? [])
            {
                if (Read(item) is { } signal)
                {
                    signals.Add(signal);
                }
            }

            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (start is not null);

        return [.. signals.OrderBy(s => s.Account, StringComparer.Ordinal).ThenBy(s => s.Region, StringComparer.Ordinal)];
    }

    public Task<bool> TryMarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        return TryUpdateAsync(
            signal.Account,
            signal.Region,
            "SET #quietAt = :at, #quietMs = :ms",
            "#lastMs = :last AND attribute_not_exists(#quietMs)",
            new Dictionary<string, string>
            {
                ["#quietAt"] = S.QuietAlertedAt,
                ["#quietMs"] = S.QuietAlertedMs,
                ["#lastMs"] = S.LastSignalMs,
            },
            new Dictionary<string, AttributeValue>
            {
                [":at"] = Text(IsoTime.FormatPrecise(now)),
                [":ms"] = Number(now.ToUnixTimeMilliseconds()),
                [":last"] = Number(signal.LastSignalAt.ToUnixTimeMilliseconds()),
            },
            cancellationToken);
    }

    public async Task UnmarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset markedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);

        // False when a new heartbeat cleared it already, or another check owns the mark.
        _ = await TryUpdateAsync(
            signal.Account,
            signal.Region,
            "REMOVE #quietAt, #quietMs",
            "#quietMs = :ms",
            new Dictionary<string, string>
            {
                ["#quietAt"] = S.QuietAlertedAt,
                ["#quietMs"] = S.QuietAlertedMs,
            },
            new Dictionary<string, AttributeValue>
            {
                [":ms"] = Number(markedAt.ToUnixTimeMilliseconds()),
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One conditional UpdateItem on a spoke's signal item; false when its condition does not hold.</summary>
    private async Task<bool> TryUpdateAsync(
        string account,
        string region,
        string update,
        string condition,
        Dictionary<string, string> names,
        Dictionary<string, AttributeValue> values,
        CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = KeyOf(account, region),
                    UpdateExpression = update,
                    ConditionExpression = condition,
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    private static SpokeSignal? Read(Dictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue(S.Account, out var account) || string.IsNullOrEmpty(account.S) ||
            !item.TryGetValue(S.Region, out var region) || string.IsNullOrEmpty(region.S) ||
            !item.TryGetValue(S.LastSignalMs, out var last) ||
            !long.TryParse(last.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lastMs))
        {
            return null;
        }

        DateTimeOffset? quiet = item.TryGetValue(S.QuietAlertedMs, out var q) &&
            long.TryParse(q.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var quietMs)
                ? DateTimeOffset.FromUnixTimeMilliseconds(quietMs)
                : null;
        return new SpokeSignal(account.S, region.S, DateTimeOffset.FromUnixTimeMilliseconds(lastMs), quiet);
    }

    private static Dictionary<string, AttributeValue> KeyOf(string account, string region) =>
        new() { [S.Key] = Text(S.KeyFor(account, region)) };

    private static AttributeValue Text(string value) => new() { S = value };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
