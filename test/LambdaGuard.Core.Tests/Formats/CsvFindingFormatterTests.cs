using LambdaGuard.Core.Formats;

namespace LambdaGuard.Core.Tests.Formats;

public sealed class CsvFindingFormatterTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\r\nbreak", "line\\u000d\\u000abreak")]
    [InlineData("orders-api", "orders-api")]
    [InlineData(null, "")]
    public void Field_WhenValueIsHostileOrPlain_ShouldStayOneInertCell(string? value, string expected)
    {
        // Act
        var field = CsvFindingFormatter.Field(value);

        // Assert
        Assert.Equal(expected, field);
    }
}
