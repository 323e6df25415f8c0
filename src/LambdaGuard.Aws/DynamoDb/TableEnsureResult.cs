namespace LambdaGuard.Aws.DynamoDb;

/// <param name="Created">False when the table already existed (with the expected keys).</param>
/// <param name="TimeToLiveEnabled">False when the endpoint does not support TTL (dynalite); the items still
/// carry <c>ttl</c>, they just are not removed.</param>
/// <param name="Note">Why TTL could not be enabled, if it could not.</param>
public sealed record TableEnsureResult(string TableName, bool Created, bool TimeToLiveEnabled, string? Note = null);
