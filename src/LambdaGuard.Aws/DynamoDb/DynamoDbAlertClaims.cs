using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Time;
using A = LambdaGuard.Aws.DynamoDb.AlertClaimAttributes;

namespace LambdaGuard.Aws.DynamoDb;

/// <summary>Effectively-once alert bookkeeping in the claims table: a conditional put takes a lease on the alert
/// id, the lease holder publishes, then records PUBLISHED with the SNS message id. Items carry a TTL, so the
/// table keeps only the dedupe window (<see cref="Retention"/>). DynamoDB deletes expired items only
/// eventually (and dynalite never), so an item whose <c>ttl</c> has passed is treated as absent here: a
/// redelivery after the window is a new alert whether or not the item was deleted yet.</summary>
public sealed class DynamoDbAlertClaims : IAlertClaims
{
    /// <summary>As long as the failure queues and the audit-failure bucket keep a failed event (14 days): a redrive
    /// of an old event must still find the claim, or it would publish a second time.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(14);

    // A claim can fail its condition, then find the item gone (TTL) or its lease just expired; a few rounds
    // settle that race, and a caller told InProgress retries later anyway.
    private const int ClaimRounds = 3;

    private readonly IAmazonDynamoDB dynamoDb;

    /// <param name="retention">How long claims are kept (TTL), so redeliveries within it are recognised. Default 14 days.</param>
    public DynamoDbAlertClaims(IAmazonDynamoDB dynamoDb, string tableName, TimeSpan? retention = null)
    {
        ArgumentNullException.ThrowIfNull(dynamoDb);
        ArgumentException.ThrowIfNullOrWhiteSpace(tableName);
        if (retention is { } r && r <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(retention), retention, "Retention must be positive.");
        }

        this.dynamoDb = dynamoDb;
        TableName = tableName;
        Retention = retention ?? DefaultRetention;
    }

    public string TableName { get; }

    public TimeSpan Retention { get; }

    internal Func<string> NewClaimToken { get; init; } = () => Guid.NewGuid().ToString("N");

    public async Task<ClaimOutcome> TryClaimAsync(string alertId, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        if (lease <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "The lease must be positive.");
        }

        AlertClaimRecord? current = null;
        for (var round = 0; round < ClaimRounds; round++)
        {
            var token = NewClaimToken();
            var leaseUntil = now + lease;
            try
            {
                await dynamoDb.PutItemAsync(
                    new PutItemRequest
                    {
                        TableName = TableName,
                        Item = new Dictionary<string, AttributeValue>
                        {
                            [A.AlertId] = Text(alertId),
                            [A.Status] = Text(A.Pending),
                            [A.ClaimToken] = Text(token),
                            [A.LeaseUntil] = Number(leaseUntil.ToUnixTimeMilliseconds()),
                            [A.ClaimedAt] = Text(IsoTime.FormatPrecise(now)),

                            // Abandoned claims (a crash before publishing, never redelivered) expire too.
                            [A.TimeToLive] = Number((now + Retention).ToUnixTimeSeconds()),
                        },
                        ConditionExpression =
                            "attribute_not_exists(#alertId) OR #ttl < :nowSeconds OR (#status = :pending AND #leaseUntil < :now)",
                        ExpressionAttributeNames = new Dictionary<string, string>
                        {
                            ["#alertId"] = A.AlertId,
                            ["#status"] = A.Status,
                            ["#leaseUntil"] = A.LeaseUntil,
                            ["#ttl"] = A.TimeToLive,
                        },
                        ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                        {
                            [":pending"] = Text(A.Pending),
                            [":now"] = Number(now.ToUnixTimeMilliseconds()),
                            [":nowSeconds"] = Number(now.ToUnixTimeSeconds()),
                        },
                    },
                    cancellationToken).ConfigureAwait(false);
                return new ClaimOutcome(ClaimStatus.Claimed, ClaimToken: token, LeaseUntil: leaseUntil);
            }
            catch (ConditionalCheckFailedException)
            {
                current = await GetAsync(alertId, cancellationToken).ConfigureAwait(false);
            }

            // The SDK retried a put whose first attempt did succeed (the answer was lost): the claim is ours.
            if (current is { Status: A.Pending } mine && mine.ClaimToken == token)
            {
                return new ClaimOutcome(ClaimStatus.Claimed, ClaimToken: token, LeaseUntil: mine.LeaseUntil ?? leaseUntil);
            }

            if (current is null || IsExpired(current, now))
            {
                continue;
            }

            if (current.Status == A.Published)
            {
                return new ClaimOutcome(ClaimStatus.AlreadyPublished, MessageId: current.MessageId);
            }

            if (current.LeaseUntil is not { } until || until >= now)
            {
                return new ClaimOutcome(ClaimStatus.InProgress, LeaseUntil: current.LeaseUntil);
            }
        }

        return new ClaimOutcome(ClaimStatus.InProgress, LeaseUntil: current?.LeaseUntil);
    }

    public Task MarkPublishedAsync(string alertId, string claimToken, string messageId, DateTimeOffset now, CancellationToken cancellationToken) =>
        RecordPublishedAsync(alertId, claimToken, messageId, now, cancellationToken);

    /// <summary><see cref="MarkPublishedAsync"/>, telling what happened. When our lease was taken over the
    /// publish is still recorded: the message did go out, and recording it stops every later delivery from
    /// publishing again; refusing would leave the alert looking unpublished while a copy is already out.
    /// A recorded publish is never overwritten (the first message id stays the one redeliveries are told),
    /// and repeating the same call is harmless.</summary>
    public async Task<MarkPublishedOutcome> RecordPublishedAsync(
        string alertId, string claimToken, string messageId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimToken);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);

        var names = new Dictionary<string, string>
        {
            ["#status"] = A.Status,
            ["#messageId"] = A.MessageId,
            ["#publishedAt"] = A.PublishedAt,
            ["#ttl"] = A.TimeToLive,
        };
        var values = new Dictionary<string, AttributeValue>
        {
            [":published"] = Text(A.Published),
            [":messageId"] = Text(messageId),
            [":publishedAt"] = Text(IsoTime.FormatPrecise(now)),
            [":ttl"] = Number((now + Retention).ToUnixTimeSeconds()),
        };
        const string Update = "SET #status = :published, #messageId = :messageId, #publishedAt = :publishedAt, #ttl = :ttl";

        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = KeyOf(alertId),
                    UpdateExpression = Update,
                    ConditionExpression = "#claimToken = :token AND #status = :pending",
                    ExpressionAttributeNames = new Dictionary<string, string>(names) { ["#claimToken"] = A.ClaimToken },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(values)
                    {
                        [":token"] = Text(claimToken),
                        [":pending"] = Text(A.Pending),
                    },
                },
                cancellationToken).ConfigureAwait(false);
            return MarkPublishedOutcome.Recorded;
        }
        catch (ConditionalCheckFailedException)
        {
        }

        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = KeyOf(alertId),
                    // The token then names the delivery whose message id is recorded.
                    UpdateExpression = Update + ", #claimToken = :token",
                    ConditionExpression = "attribute_not_exists(#alertId) OR #status <> :published OR #ttl < :nowSeconds",
                    ExpressionAttributeNames = new Dictionary<string, string>(names)
                    {
                        ["#alertId"] = A.AlertId,
                        ["#claimToken"] = A.ClaimToken,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>(values)
                    {
                        [":token"] = Text(claimToken),
                        [":nowSeconds"] = Number(now.ToUnixTimeSeconds()),
                    },
                },
                cancellationToken).ConfigureAwait(false);
            return MarkPublishedOutcome.RecordedAfterTakeover;
        }
        catch (ConditionalCheckFailedException)
        {
            // Our own earlier call may have succeeded without us seeing the answer (a retried request).
            var current = await GetAsync(alertId, cancellationToken).ConfigureAwait(false);
            return current?.MessageId == messageId && current.ClaimToken == claimToken
                ? MarkPublishedOutcome.Recorded
                : MarkPublishedOutcome.AlreadyRecordedByOther;
        }
    }

    /// <summary>Ends the lease only while <paramref name="claimToken"/> still holds the claim unpublished, so a failed
    /// publish does not keep the next delivery waiting for the lease; another holder's claim and a recorded publish
    /// stay. The item is kept (its lease set to the epoch and its token removed) rather than deleted, because the
    /// detector role may only get, put and update claims. A repeated call (an SDK retry of an update that succeeded)
    /// finds no token and answers false.</summary>
    public async Task<bool> ReleaseAsync(string alertId, string claimToken, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        ArgumentException.ThrowIfNullOrWhiteSpace(claimToken);
        try
        {
            await dynamoDb.UpdateItemAsync(
                new UpdateItemRequest
                {
                    TableName = TableName,
                    Key = KeyOf(alertId),
                    UpdateExpression = "SET #leaseUntil = :released REMOVE #claimToken",
                    ConditionExpression = "#claimToken = :token AND #status = :pending",
                    ExpressionAttributeNames = new Dictionary<string, string>
                    {
                        ["#claimToken"] = A.ClaimToken,
                        ["#status"] = A.Status,
                        ["#leaseUntil"] = A.LeaseUntil,
                    },
                    ExpressionAttributeValues = new Dictionary<string, AttributeValue>
                    {
                        [":token"] = Text(claimToken),
                        [":pending"] = Text(A.Pending),
                        [":released"] = Number(0),
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

    /// <summary>The claim as stored (consistent read); null when there is none.</summary>
    public async Task<AlertClaimRecord?> GetAsync(string alertId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        var response = await dynamoDb.GetItemAsync(
            new GetItemRequest { TableName = TableName, Key = KeyOf(alertId), ConsistentRead = true },
            cancellationToken).ConfigureAwait(false);
        if (response.Item is not { Count: > 0 } item)
        {
            return null;
        }

        return new AlertClaimRecord(
            alertId,
            TextOf(item, A.Status) ?? string.Empty,
            TextOf(item, A.ClaimToken),
            NumberOf(item, A.LeaseUntil) is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
            TextOf(item, A.MessageId),
            IsoTime.TryParse(TextOf(item, A.ClaimedAt), out var claimedAt) ? claimedAt : null,
            IsoTime.TryParse(TextOf(item, A.PublishedAt), out var publishedAt) ? publishedAt : null,
            NumberOf(item, A.TimeToLive) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null);
    }

    // Same rule as DynamoDB TTL: an item is expired once its ttl (epoch seconds) is below the current time.
    private static bool IsExpired(AlertClaimRecord record, DateTimeOffset now) =>
        record.ExpiresAt is { } expiresAt && expiresAt.ToUnixTimeSeconds() < now.ToUnixTimeSeconds();

    private static Dictionary<string, AttributeValue> KeyOf(string alertId) => new() { [A.AlertId] = Text(alertId) };

    private static AttributeValue Text(string value) => new() { S = value };

    private static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static string? TextOf(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    private static long? NumberOf(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && long.TryParse(value.N, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
