using LambdaGuard.Core.Reading;

namespace LambdaGuard.Core.Tests.Reading;

public sealed class ReadCountersTests
{
    [Fact]
    public void Add_WhenAnotherReadsTotalsGiven_ShouldSumEveryCounter()
    {
        // Arrange
        var total = new ReadCounters { Files = 1, Bytes = 10, Records = 3, LambdaRecords = 2, OtherRecords = 1, Skipped = 1, MalformedRecords = 1, FileErrors = 0 };
        var file = new ReadCounters { Files = 2, Bytes = 5, Records = 4, LambdaRecords = 1, OtherRecords = 2, Skipped = 3, MalformedRecords = 2, FileErrors = 1 };

        // Act
        total.Add(file);

        // Assert
        Assert.Equal((3L, 15L, 7L, 3L, 3L, 4L, 3L, 1L), (total.Files, total.Bytes, total.Records, total.LambdaRecords, total.OtherRecords, total.Skipped, total.MalformedRecords, total.FileErrors));
    }
}
