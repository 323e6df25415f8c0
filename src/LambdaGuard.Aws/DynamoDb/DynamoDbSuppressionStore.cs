using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Suppressions;
using A = LambdaGuard.Aws.DynamoDb.SuppressionAttributes;

namespace LambdaGuard.Aws.DynamoDb;

/// <summary>The suppression list in DynamoDB: all entries under one partition (<c>pk = "suppression"</c>), one
/// item per id. Reads for the detector; conditional writes for the admin CLI, with optimistic concurrency on
/// <c>version</c> so two admins never overwrite each other's change unknowingly.</summary>
public sealed class DynamoDbSuppressionStore : ISuppressionStore
{
    private readonly IAmazonDynamoDB dynamoDb;
    private readonly Action<SuppressionItemProblem>? onProblem;

    /// <param name="onProblem">Told about every item that is skipped or read degraded during
    /// <see cref="LoadAsync"/> (the function logs them as warnings); <see cref="ListAsync"/> returns them.</param>
    public DynamoDbSuppressionStore(IAmazonDynamoDB dynamoDb, string tableName, Action<SuppressionItemProblem>? onProblem = null)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        this.dynamoDb = dynamoDb;
        TableName = tableName;
        this.onProblem = onProblem;
    }

    public string TableName { get; }

    public string Name => TableName;

    /// <summary>Every entry, invalid ones included (the matcher ignores those; the validator says why).</summary>
    public async Task<IReadOnlyList<SuppressionEntry>> LoadAsync(CancellationToken cancellationToken)
    {
        var (entries, problems) = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        if (onProblem is not null)
        {
            foreach (var problem in problems)
            {
                onProblem(problem);
            }
        }

        return entries;
    }

    public async Task<SuppressionListing> ListAsync(CancellationToken cancellationToken)
    {
        var (entries, problems) = await ReadAllAsync(cancellationToken).ConfigureAwait(false);
        return new SuppressionListing(entries, problems.Select(p => p.ToString()).ToList());
    }

    private async Task<(List<SuppressionEntry> Entries, List<SuppressionItemProblem> Problems)> ReadAllAsync(CancellationToken cancellationToken)
    {
        var entries = new List<SuppressionEntry>();
        var problems = new List<SuppressionItemProblem>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await dynamoDb.QueryAsync(
                new QueryRequest
                {
                    TableName = TableName,
                    KeyConditionExpression = "#pk = :pk",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#pk"] = A.PartitionKey },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":pk"] = new AttributeValue { S = A.PartitionValue } },

                    // A just-added entry must apply to the next event; the list is small, so the cost is too.
                    ConsistentRead = true,
                    ExclusiveStartKey = startKey,
                },
                cancellationToken).ConfigureAwait(false);

            foreach (var item in response.Items ?? [])
            {
                var result = SuppressionItemMapper.Read(item);
                if (result.Entry is not null)
                {
                    entries.Add(result.Entry);
                }

                problems.AddRange(result.Problems);
            }

            startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        return (entries, problems);
    }

    /// <returns>Null when there is no such entry.</returns>
    /// <exception cref="InvalidDataException">The item exists but cannot be read as an entry.</exception>
    public async Task<SuppressionEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var result = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            return null;
        }

        return result.Entry ?? throw new InvalidDataException(
            $"Suppression '{id}' in table {TableName} cannot be read: {string.Join("; ", result.Problems.Select(p => p.Message))}.");
    }

    /// <summary>Stores a new entry at version 1. Never replaces: an existing id throws.</summary>
    /// <exception cref="SuppressionAlreadyExistsException">An entry with this id exists.</exception>
    public async Task<SuppressionEntry> AddAsync(SuppressionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = entry with { Version = 1 };
        try
        {
            await dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = TableName,
                    Item = SuppressionItemMapper.ToItem(stored),
                    ConditionExpression = "attribute_not_exists(#id)",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#id"] = A.Id },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            throw new SuppressionAlreadyExistsException(entry.Id, TableName);
        }

        return stored;
    }

    /// <summary>Replaces the entry if it is still at <paramref name="expectedVersion"/>; the stored entry gets
    /// the next version. Fields absent from <paramref name="entry"/> are removed from the item.</summary>
    /// <exception cref="SuppressionVersionConflictException">The entry is at another version.</exception>
    /// <exception cref="SuppressionNotFoundException">There is no such entry.</exception>
    public async Task<SuppressionEntry> UpdateAsync(SuppressionEntry entry, long expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stored = entry with { Version = expectedVersion + 1 };
        try
        {
            await dynamoDb.PutItemAsync(
                new PutItemRequest
                {
                    TableName = TableName,
                    Item = SuppressionItemMapper.ToItem(stored),
                    ConditionExpression = "#version = :expected",
                    ExpressionAttributeNames = new Dictionary<string, string> { ["#version"] = A.Version },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":expected"] = Number(expectedVersion) },
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            throw await ExplainConflictAsync(entry.Id, expectedVersion, cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    /// <summary>Deletes the entry; with <paramref name="expectedVersion"/>, only if it is still at that version.</summary>
    /// <exception cref="SuppressionNotFoundException">There is no such entry.</exception>
    /// <exception cref="SuppressionVersionConflictException">The entry is at another version.</exception>
    public async Task RemoveAsync(string id, long? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var request = new DeleteItemRequest
        {
            TableName = TableName,
            Key = SuppressionItemMapper.KeyOf(id),
            ConditionExpression = "attribute_exists(#id)",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#id"] = A.Id },
        };
        if (expectedVersion is { } version)
        {
            request.ConditionExpression += " AND #version = :expected";
            request.ExpressionAttributeNames["#version"] = A.Version;
            request.ExpressionAttributeValues = new Dictionary<string, AttributeValue> { [":expected"] = Number(version) };
        }

        try
        {
            await dynamoDb.DeleteItemAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ConditionalCheckFailedException)
        {
            throw expectedVersion is { } expected
                ? await ExplainConflictAsync(id, expected, cancellationToken).ConfigureAwait(false)
                : new SuppressionNotFoundException(id, TableName);
        }
    }

    private async Task<SuppressionStoreException> ExplainConflictAsync(string id, long expectedVersion, CancellationToken cancellationToken)
    {
        var current = await ReadAsync(id, cancellationToken).ConfigureAwait(false);
        return current is null
            ? new SuppressionNotFoundException(id, TableName)
            : new SuppressionVersionConflictException(id, TableName, expectedVersion, current.Entry?.Version);
    }

    private async Task<SuppressionItemReadResult?> ReadAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = TableName, Key = SuppressionItemMapper.KeyOf(id), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        return response.Item is { Count: > 0 } item ? SuppressionItemMapper.Read(item) : null;
    }

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
