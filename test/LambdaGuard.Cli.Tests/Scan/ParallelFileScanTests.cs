using LambdaGuard.Cli.Scanning;

namespace LambdaGuard.Cli.Tests.Scan;

/// <summary>Files are scanned in parallel, but every event comes back in file order and in the order its
/// file produced it, and a file's findings are streamed rather than held until the file ends.</summary>
public sealed class ParallelFileScanTests
{
    [Fact]
    public void Run_WhenFilesAreScannedInParallel_ShouldHandBackEveryEventInFileOrder()
    {
        // Arrange: later files finish first.
        var files = Enumerable.Range(0, 12).ToList();

        // Act
        var events = ParallelFileScan.Run(files, (file, emit) =>
        {
            Thread.Sleep((12 - file) * 3);
            for (var n = 0; n < 300; n++)
            {
                emit(ScanEvent.Problem($"{file}:{n}"));
            }

            return new FileScanResult();
        }, workers: 4).ToList();

        // Assert
        var expected = files.SelectMany(file => Enumerable.Range(0, 300).Select(n => $"{file}:{n}").Append("done"));
        Assert.Equal(expected, events.Select(e => e.Diagnostic ?? "done"));
    }

    [Fact]
    public void Run_WhenOneFileHoldsManyFindings_ShouldHandThemOnBeforeTheFileEndsAndHoldOnlyABoundedNumber()
    {
        // Arrange: one file that would hold a million events if nothing were streamed.
        var produced = 0L;
        var mostAhead = 0L;
        var consumed = 0L;

        // Act
        var events = ParallelFileScan.Run(["big"], (_, emit) =>
        {
            for (var n = 0; n < 1_000_000; n++)
            {
                emit(ScanEvent.Problem("x"));
                var ahead = Interlocked.Increment(ref produced) - Interlocked.Read(ref consumed);
                mostAhead = Math.Max(mostAhead, ahead);
            }

            return new FileScanResult();
        }, workers: 2);
        var firstSeenBeforeEnd = false;
        foreach (var e in events)
        {
            if (Interlocked.Increment(ref consumed) == 1)
            {
                firstSeenBeforeEnd = Interlocked.Read(ref produced) < 1_000_000;
            }
        }

        // Assert
        Assert.True(firstSeenBeforeEnd);
        Assert.Equal(1_000_001, consumed);
        Assert.True(mostAhead <= ParallelFileScan.EventsPerFile + 2, $"the scan ran {mostAhead} events ahead of the reader");
    }

    [Fact]
    public void Run_WhenAScanThrows_ShouldRethrowAfterTheEventsBeforeIt()
    {
        // Arrange
        var seen = new List<string>();

        // Act
        var thrown = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var e in ParallelFileScan.Run([0, 1, 2], (file, emit) =>
            {
                emit(ScanEvent.Problem($"{file}"));
                return file == 1 ? throw new InvalidOperationException("broken scanner") : new FileScanResult();
            }, workers: 2))
            {
                seen.Add(e.Diagnostic ?? "done");
            }
        });

        // Assert
        Assert.Equal("broken scanner", thrown.Message);
        Assert.Equal(["0", "done", "1"], seen);
    }
}
