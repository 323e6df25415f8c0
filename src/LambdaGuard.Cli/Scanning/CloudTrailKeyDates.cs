using System.Globalization;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Reads dates out of CloudTrail's S3 layout: <c>…/CloudTrail/&lt;region&gt;/YYYY/MM/DD/</c> (single
/// account, <c>AWSLogs/&lt;account&gt;/</c>, and organization trails, <c>AWSLogs/&lt;org-id&gt;/&lt;account&gt;/</c>)
/// and the <c>_YYYYMMDDTHHmmZ_</c> stamp of a log file's name.</summary>
public static class CloudTrailKeyDates
{
    /// <summary>The UTC span a key or a common prefix covers by its date folders: a year, a month or a day;
    /// null when it is not below <c>CloudTrail/&lt;region&gt;/YYYY/</c>. A folder name counts once it is
    /// complete (followed by <c>/</c>).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End)? Span(string keyOrPrefix)
    {
        ArgumentNullException.ThrowIfNull(keyOrPrefix);
        var parts = keyOrPrefix.Split('/');
        var trail = Array.IndexOf(parts, "CloudTrail");
        if (trail < 0)
        {
            return null;
        }

        // parts[trail + 1] is the region; complete folders are every part but the last.
        var complete = parts.Length - 1;
        var year = Number(parts, trail + 2, complete, 4);
        if (year is not (>= 1 and <= 9999))
        {
            return null;
        }

        var month = Number(parts, trail + 3, complete, 2);
        if (month is not (>= 1 and <= 12))
        {
            var startOfYear = new DateTimeOffset(year.Value, 1, 1, 0, 0, 0, TimeSpan.Zero);
            return (startOfYear, startOfYear.AddYears(1));
        }

        var day = Number(parts, trail + 4, complete, 2);
        if (day is null || day < 1 || day > DateTime.DaysInMonth(year.Value, month.Value))
        {
            var startOfMonth = new DateTimeOffset(year.Value, month.Value, 1, 0, 0, 0, TimeSpan.Zero);
            return (startOfMonth, startOfMonth.AddMonths(1));
        }

        var startOfDay = new DateTimeOffset(year.Value, month.Value, day.Value, 0, 0, 0, TimeSpan.Zero);
        return (startOfDay, startOfDay.AddDays(1));
    }

    /// <summary>Whether a key or prefix is a whole day folder (or below one).</summary>
    public static bool IsDay(string keyOrPrefix) => Span(keyOrPrefix) is { } span && span.End - span.Start == TimeSpan.FromDays(1);

    /// <summary>The time stamp in a CloudTrail log file name (<c>123456789012_CloudTrail_us-east-1_20261120T0905Z_abc.json.gz</c>).</summary>
    public static DateTimeOffset? FileStamp(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = key[(key.LastIndexOf('/') + 1)..];
        foreach (var part in name.Split('_'))
        {
            if (part.Length == 14 && part[8] == 'T' && part[13] == 'Z'
                && DateTimeOffset.TryParseExact(part, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp))
            {
                return stamp;
            }
        }

        return null;
    }

    private static int? Number(string[] parts, int index, int complete, int digits) =>
        index < complete && parts[index].Length == digits && parts[index].All(char.IsAsciiDigit)
            ? int.Parse(parts[index], CultureInfo.InvariantCulture)
            : null;
}
