using System.Threading.Channels;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Scans files on every core but hands their events back strictly in file order (and, within a
/// file, in the order the scan produced them), so output is the same as a sequential scan. Each file
/// streams through a small bounded channel: a worker ahead of the reader waits once its channel is full,
/// and at most a window of files is started but not yet handed back, so memory stays flat however many
/// files there are and however many findings one file holds.</summary>
public static class ParallelFileScan
{
    /// <summary>Events one file may buffer before its worker waits for the reader.</summary>
    public const int EventsPerFile = 256;

    public static IEnumerable<ScanEvent> Run<TInput>(IReadOnlyList<TInput> files, Func<TInput, Action<ScanEvent>, FileScanResult> scan, int workers)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(scan);
        return files.Count == 0 ? [] : Stream(files, scan, Math.Clamp(workers, 1, files.Count));
    }

    private static IEnumerable<ScanEvent> Stream<TInput>(IReadOnlyList<TInput> files, Func<TInput, Action<ScanEvent>, FileScanResult> scan, int workers)
    {
        var channels = new Channel<ScanEvent>?[files.Count];
        // Neither is disposed: a worker still finishing a file after the reader stopped may touch them.
        var window = new SemaphoreSlim(workers * 4);
        var stop = new CancellationTokenSource();
        var next = -1;

        Channel<ScanEvent> ChannelOf(int index)
        {
            var created = Channel.CreateBounded<ScanEvent>(new BoundedChannelOptions(EventsPerFile)
            {
                SingleReader = true,
                SingleWriter = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            return Interlocked.CompareExchange(ref channels[index], created, null) ?? created;
        }

        // Files are taken strictly in order, so the file being handed back has always been started: a
        // worker can only wait on a later file's full channel, never starve the one the reader waits for.
        void Work()
        {
            try
            {
                while (true)
                {
                    window.Wait(stop.Token);
                    var index = Interlocked.Increment(ref next);
                    if (index >= files.Count)
                    {
                        return;
                    }

                    var writer = ChannelOf(index).Writer;
                    try
                    {
                        var result = scan(files[index], e => Write(writer, e, stop.Token));
                        Write(writer, ScanEvent.Finished(result), stop.Token);
                        writer.TryComplete();
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        writer.TryComplete(ex);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The reader stopped early (an exception, or it was disposed): nothing more is wanted.
            }
        }

        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(Work) { IsBackground = true, Name = "lambdaguard-scan" }).ToList();
        threads.ForEach(t => t.Start());
        try
        {
            for (var index = 0; index < files.Count; index++)
            {
                var reader = ChannelOf(index).Reader;
                while (reader.WaitToReadAsync(stop.Token).AsTask().GetAwaiter().GetResult())
                {
                    while (reader.TryRead(out var item))
                    {
                        yield return item;
                    }
                }

                channels[index] = null;
                window.Release();
            }
        }
        finally
        {
            // Workers are background threads: one in the middle of a file stops at its next event or file.
            stop.Cancel();
        }
    }

    private static void Write(ChannelWriter<ScanEvent> writer, ScanEvent item, CancellationToken stop)
    {
        while (!writer.TryWrite(item))
        {
            if (!writer.WaitToWriteAsync(stop).AsTask().GetAwaiter().GetResult())
            {
                throw new OperationCanceledException(stop);
            }
        }
    }
}
