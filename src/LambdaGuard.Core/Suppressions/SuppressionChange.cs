namespace LambdaGuard.Core.Suppressions;

/// <summary>One change to the suppression list, as the table's stream reports it (old and new images).</summary>
/// <param name="EventId">The stream record's eventID: stable across redeliveries, so the alert id is too.</param>
public sealed record SuppressionChange(
    SuppressionChangeKind Kind,
    SuppressionEntry? Before,
    SuppressionEntry? After,
    string EventId,
    string? Account,
    string? Region,
    DateTimeOffset? ChangedAt);
