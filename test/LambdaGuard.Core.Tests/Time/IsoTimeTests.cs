using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Tests.Time;

public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("2027-01-31T00:00:00Z", "2027-01-31T00:00:00Z")]
    [InlineData("2027-01-31T00:00Z", "2027-01-31T00:00:00Z")]
    [InlineData("2027-01-31T00:00:00.250Z", "2027-01-31T00:00:00Z")]
    [InlineData("2027-01-31T02:00:00+02:00", "2027-01-31T00:00:00Z")]
    [InlineData("2027-01-30T19:00:00-05:00", "2027-01-31T00:00:00Z")]
    [InlineData("2027-01-31", "2027-01-31T00:00:00Z")]
    public void TryParse_WhenTimeHasAZoneOrIsABareDate_ShouldGiveThatInstantInUtc(string text, string expected)
    {
        // Act
        var ok = IsoTime.TryParse(text, out var time);

        // Assert
        Assert.True(ok);
        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(expected, IsoTime.Format(time));
    }

    [Theory]
    [InlineData("2027-01-31T00:00:00")]
    [InlineData("2027-01-31T00:00")]
    [InlineData("2027-01-31 00:00:00Z")]
    [InlineData("31/01/2027")]
    [InlineData("2027-1-31")]
    [InlineData("next tuesday")]
    [InlineData(" 2027-01-31T00:00:00Z")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_WhenZonelessOrNotIso_ShouldRefuse(string? text)
    {
        // Act
        var ok = IsoTime.TryParse(text, out _);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void FormatPrecise_WhenTimeHasAFraction_ShouldKeepItAndDropTrailingZeros()
    {
        // Arrange
        var time = new DateTimeOffset(2025, 3, 1, 12, 15, 30, 250, TimeSpan.FromHours(2));

        // Act
        var precise = IsoTime.FormatPrecise(time);
        var whole = IsoTime.Format(time);

        // Assert
        Assert.Equal("2025-03-01T10:15:30.25Z", precise);
        Assert.Equal("2025-03-01T10:15:30Z", whole);
        Assert.True(IsoTime.TryParse(precise, out var back));
        Assert.Equal(time, back);
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("12h", 12 * 60)]
    [InlineData("7d", 7 * 24 * 60)]
    [InlineData("2w", 14 * 24 * 60)]
    [InlineData(" 0m ", 0)]
    public void TryParseSpan_WhenAmountHasAUnit_ShouldGiveThatSpan(string text, int minutes)
    {
        // Act
        var ok = IsoTime.TryParseSpan(text, out var span);

        // Assert
        Assert.True(ok);
        Assert.Equal(TimeSpan.FromMinutes(minutes), span);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7")]
    [InlineData("d")]
    [InlineData("7y")]
    [InlineData("-7d")]
    [InlineData("+7d")]
    [InlineData("7 d")]
    [InlineData("5000000d")]
    [InlineData("99999999d")]
    [InlineData("99999999999w")]
    public void TryParseSpan_WhenNotASpanOrBeyondTheLimit_ShouldRefuse(string text)
    {
        // Act
        var ok = IsoTime.TryParseSpan(text, out _);

        // Assert
        Assert.False(ok);
    }

    [Theory]
    [InlineData("2026-11-20T10:00:00Z", "2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20T10:00:00", "2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20T12:00:00+02:00", "2026-11-20T10:00:00Z")]
    [InlineData("2026-11-20T10:00:00.123456Z", "2026-11-20T10:00:00Z")]
    public void TryParseEventTime_WhenAwsWroteTheTime_ShouldReadItLenientlyAsUtc(string text, string expected)
    {
        // Act
        var ok = IsoTime.TryParseEventTime(text, out var time);

        // Assert
        Assert.True(ok);
        Assert.Equal(TimeSpan.Zero, time.Offset);
        Assert.Equal(expected, IsoTime.Format(time));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    public void TryParseEventTime_WhenNotATime_ShouldRefuse(string? text)
    {
        // Act
        var ok = IsoTime.TryParseEventTime(text, out _);

        // Assert
        Assert.False(ok);
    }
}
