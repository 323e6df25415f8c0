using LambdaGuard.Core.Reading;

namespace LambdaGuard.Core.Tests.Reading;

public sealed class ReadCountersTests
{
    [Fact]
    public void Add_WhenAnotherReadsTotalsGiven_ShouldSumEveryCounter()
    {
        // Arrange: every counter, found by reflection so that one added later cannot be left out of Add.
        var counters = typeof(ReadCounters).GetProperties().Where(p => p.PropertyType == typeof(long)).ToList();
        var total = new ReadCounters();
        var file = new ReadCounters();
        for (var n = 0; n < counters.Count; n++)
        {
            counters[n].SetValue(total, (long)n + 1);
            counters[n].SetValue(file, 100L * (n + 1));
        }

        // Act
        total.Add(file);

        // Assert
        Assert.True(counters.Count >= 11, $"only {counters.Count} counters found");
        Assert.All(counters.Select((counter, n) => (counter.Name, Value: (long)counter.GetValue(total)!, Expected: 101L * (n + 1))), c => Assert.Equal((c.Name, c.Expected), (c.Name, c.Value)));
    }
}
