using LambdaGuard.Cli.Scanning;

namespace LambdaGuard.Cli.Tests.Scan.S3;

public sealed class CloudTrailKeyDatesTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("AWSLogs/123456789012/CloudTrail/us-east-1/2026/", 2026, 1, 1, 2027, 1, 1)]
    [InlineData("AWSLogs/123456789012/CloudTrail/us-east-1/2026/11/", 2026, 11, 1, 2026, 12, 1)]
    [InlineData("AWSLogs/o-abc123/123456789012/CloudTrail/eu-west-1/2026/11/20/", 2026, 11, 20, 2026, 11, 21)]
    [InlineData("AWSLogs/o-abc123/123456789012/CloudTrail/eu-west-1/2026/12/31/x_CloudTrail_eu-west-1_20270101T0010Z_a.json.gz", 2026, 12, 31, 2027, 1, 1)]
    public void Span_WhenAPrefixIsADateFolder_ShouldCoverThatYearMonthOrDay(string prefix, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        // Act
        var span = CloudTrailKeyDates.Span(prefix);

        // Assert
        Assert.Equal((Utc(y1, m1, d1), Utc(y2, m2, d2)), span);
    }

    [Theory]
    [InlineData("AWSLogs/123456789012/CloudTrail/us-east-1/")]
    [InlineData("AWSLogs/123456789012/CloudTrail/us-east-1/2026")]
    [InlineData("AWSLogs/123456789012/CloudTrail-Digest/us-east-1/2026/11/20/")]
    [InlineData("exports/2026/11/20/")]
    public void Span_WhenNoCompleteDateFolder_ShouldBeNull(string prefix)
    {
        // Act
        var span = CloudTrailKeyDates.Span(prefix);

        // Assert
        Assert.Null(span);
    }

    [Fact]
    public void FileStamp_WhenKeyIsACloudTrailLogFile_ShouldReadItsDeliveryStamp()
    {
        // Act
        var stamp = CloudTrailKeyDates.FileStamp("AWSLogs/1/CloudTrail/us-east-1/2026/11/21/123456789012_CloudTrail_us-east-1_20261121T0030Z_a1b2c3.json.gz");

        // Assert
        Assert.Equal(Utc(2026, 11, 21, 0, 30), stamp);
    }
}
