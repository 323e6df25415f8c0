using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LambdaGuard.Aws.DynamoDb;

/// <summary>The two tables' names and key schemas, and an idempotent create for local rehearsal
/// (<c>lambdaguard replay --create-table</c>). The deployed tables come from the CDK stack.</summary>
public static class LambdaGuardTables
{
    public const string SuppressionsTableName = "LambdaGuard-Suppressions";
    public const string AlertClaimsTableName = "LambdaGuard-AlertClaims";
    public const string TimeToLiveAttribute = "ttl";

    private static readonly TimeSpan DefaultActiveTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>pk (S, always "suppression") + id (S); on-demand; stream NEW_AND_OLD_IMAGES for the LG011 audit.</summary>
    public static CreateTableRequest SuppressionsTable(string tableName = SuppressionsTableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(SuppressionAttributes.PartitionKey, ScalarAttributeType.S),
            new AttributeDefinition(SuppressionAttributes.Id, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(SuppressionAttributes.PartitionKey, KeyType.HASH),
            new KeySchemaElement(SuppressionAttributes.Id, KeyType.RANGE),
        ],
        StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
    };

    /// <summary>alertId (S); on-demand.</summary>
    public static CreateTableRequest AlertClaimsTable(string tableName = AlertClaimsTableName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions = [new AttributeDefinition(AlertClaimAttributes.AlertId, ScalarAttributeType.S)],
        KeySchema = [new KeySchemaElement(AlertClaimAttributes.AlertId, KeyType.HASH)],
    };

    public static Task<TableEnsureResult> EnsureSuppressionsTableAsync(
        IAmazonDynamoDB dynamoDb, string tableName = SuppressionsTableName, CancellationToken cancellationToken = default) =>
        EnsureTableAsync(dynamoDb, SuppressionsTable(tableName), activeTimeout: null, cancellationToken);

    public static Task<TableEnsureResult> EnsureAlertClaimsTableAsync(
        IAmazonDynamoDB dynamoDb, string tableName = AlertClaimsTableName, CancellationToken cancellationToken = default) =>
        EnsureTableAsync(dynamoDb, AlertClaimsTable(tableName), activeTimeout: null, cancellationToken);

    /// <summary>Creates the table unless it exists, waits until it is ACTIVE, and enables TTL on <c>ttl</c>.</summary>
    /// <exception cref="InvalidOperationException">The table exists with other keys, or did not become ACTIVE in time.</exception>
    public static async Task<TableEnsureResult> EnsureTableAsync(
        IAmazonDynamoDB dynamoDb, CreateTableRequest definition, TimeSpan? activeTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentNullException.ThrowIfNull(definition);

        var created = false;
        var existing = await DescribeAsync(dynamoDb, definition.TableName, cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            try
            {
                await dynamoDb.CreateTableAsync(definition, cancellationToken).ConfigureAwait(false);
                created = true;
            }
            catch (ResourceInUseException)
            {
                // Created concurrently by someone else: that is the state we wanted.
            }
        }

        var table = await WaitUntilActiveAsync(dynamoDb, definition.TableName, activeTimeout ?? DefaultActiveTimeout, cancellationToken).ConfigureAwait(false);
        CheckKeys(definition, table);

        var (ttlEnabled, note) = await EnableTimeToLiveAsync(dynamoDb, definition.TableName, cancellationToken).ConfigureAwait(false);
        return new TableEnsureResult(definition.TableName, created, ttlEnabled, note);
    }

    private static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            return response.Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private static async Task<TableDescription> WaitUntilActiveAsync(
        IAmazonDynamoDB dynamoDb, string tableName, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var table = await DescribeAsync(dynamoDb, tableName, cancellationToken).ConfigureAwait(false);
            if (table?.TableStatus == TableStatus.ACTIVE)
            {
                return table;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                throw new InvalidOperationException(
                    $"Table {tableName} is {table?.TableStatus?.Value ?? "missing"}, not ACTIVE, after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void CheckKeys(CreateTableRequest definition, TableDescription table)
    {
        static string Describe(IEnumerable<KeySchemaElement>? keys) =>
            string.Join(", ", (keys ?? []).Select(k => $"{k.AttributeName} ({k.KeyType?.Value})"));

        var expected = Describe(definition.KeySchema);
        var actual = Describe(table.KeySchema);
        if (expected != actual)
        {
            throw new InvalidOperationException(
                $"Table {definition.TableName} exists with the keys [{actual}], but LambdaGuard needs [{expected}]. Use another table name.");
        }
    }

    private static async Task<(bool Enabled, string? Note)> EnableTimeToLiveAsync(
        IAmazonDynamoDB dynamoDb, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var current = await dynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken).ConfigureAwait(false);
            var status = current.TimeToLiveDescription?.TimeToLiveStatus;
            if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING)
            {
                return (true, null);
            }

            await dynamoDb.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = tableName,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = TimeToLiveAttribute, Enabled = true },
                },
                cancellationToken).ConfigureAwait(false);
            return (true, null);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode is "UnknownOperationException" or "ValidationException")
        {
            return (false, $"TTL not enabled on {tableName}: the endpoint answered {e.ErrorCode}: {e.Message}");
        }
    }
}
