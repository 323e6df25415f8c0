using System.Globalization;

namespace LambdaGuard.Aws.DynamoDb;

/// <summary>The ISO 8601 UTC text form of timestamps stored in the tables (expiresAt, createdAt, claimedAt,
/// publishedAt).</summary>
internal static class IsoTimestamp
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>Accepts the date-time form with an explicit zone (Z or ±hh:mm); a value without a zone is read
    /// as UTC, the only zone the tables use.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParseExact(
            text,
            Formats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out value);
}
