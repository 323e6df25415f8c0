namespace LambdaGuard.Cli.Scanning;

/// <summary>Scans files on every core but hands results back strictly in file order, so output is the
/// same as a sequential scan. Lookahead is bounded, so memory does not grow with the archive.</summary>
public static class ParallelFileScan
{
    public static IEnumerable<FileScanResult> Run<TInput>(IReadOnlyList<TInput> files, Func<TInput, FileScanResult> scan, int workers)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(scan);
        if (workers <= 1 || files.Count <= 1)
        {
            foreach (var file in files)
            {
                yield return scan(file);
            }

            yield break;
        }

        var window = workers * 4;
        var pending = new Queue<Task<FileScanResult>>();
        using var throttle = new SemaphoreSlim(workers);
        var next = 0;
        while (next < files.Count || pending.Count > 0)
        {
            while (next < files.Count && pending.Count < window)
            {
                var file = files[next++];
                pending.Enqueue(Task.Run(async () =>
                {
                    await throttle.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        return scan(file);
                    }
                    finally
                    {
                        throttle.Release();
                    }
                }));
            }

            yield return pending.Dequeue().GetAwaiter().GetResult();
        }
    }
}
