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
        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = KeyOf(account, region),
                    UpdateExpression = "SET #kind = :kind, #account = :account, #region = :region, #lastAt = :at, #lastMs = :ms REMOVE #quietAt, #quietMs",
                    // A late, out-of-order heartbeat never moves the last signal back.
                    ConditionExpression = "attribute_not_exists(#lastMs) OR #lastMs < :ms",
                    ExpressionAttributeNames = new Dictionary<string, string>
                    {
                        ["#kind"] = S.Kind,
                        ["#account"] = S.Account,
                        ["#region"] = S.Region,
                        ["#lastAt"] = S.LastSignalAt,
                        ["#lastMs"] = S.LastSignalMs,
                        ["#quietAt"] = S.QuietAlertedAt,
                        ["#quietMs"] = S.QuietAlertedMs,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":kind"] = Text(S.KindValue),
                        [":account"] = Text(account),
                        [":region"] = Text(region),
                        [":at"] = Text(IsoTime.FormatPrecise(signalAt)),
                        [":ms"] = Number(signalAt.ToUnixTimeMilliseconds()),
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // A newer signal is already stored.
        }
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

    public async Task<bool> TryMarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = KeyOf(signal.Account, signal.Region),
                    UpdateExpression = "SET #quietAt = :at, #quietMs = :ms",
                    ConditionExpression = "#lastMs = :last AND attribute_not_exists(#quietMs)",
                    ExpressionAttributeNames = new Dictionary<string, string>
                    {
                        ["#quietAt"] = S.QuietAlertedAt,
                        ["#quietMs"] = S.QuietAlertedMs,
                        ["#lastMs"] = S.LastSignalMs,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":at"] = Text(IsoTime.FormatPrecise(now)),
                        [":ms"] = Number(now.ToUnixTimeMilliseconds()),
                        [":last"] = Number(signal.LastSignalAt.ToUnixTimeMilliseconds()),
                    },
                },
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    public async Task UnmarkQuietAlertedAsync(SpokeSignal signal, DateTimeOffset markedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = KeyOf(signal.Account, signal.Region),
                    UpdateExpression = "REMOVE #quietAt, #quietMs",
                    ConditionExpression = "#quietMs = :ms",
                    ExpressionAttributeNames = new Dictionary<string, string>
                    {
                        ["#quietAt"] = S.QuietAlertedAt,
                        ["#quietMs"] = S.QuietAlertedMs,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":ms"] = Number(markedAt.ToUnixTimeMilliseconds()),
                    },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            // A new heartbeat cleared it already, or another check owns the mark.
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
