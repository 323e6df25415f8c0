using System.Collections.Concurrent;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Lists the objects under <c>s3://bucket/prefix</c>. Without a time window the prefix is listed
/// flat. With one, the CloudTrail date folders are walked and only the days that can hold records of the
/// window are listed: from the day of <c>--since</c> up to <see cref="DeliveryLag"/> after <c>--until</c>
/// (a file's date folder and name stamp are its delivery time, and CloudTrail delivers within minutes, so a
/// record can sit in the next day's first files). Digest files are never read.</summary>
public sealed class S3InputLister(IS3Objects s3, ScanScope scope)
{
    public static readonly TimeSpan DeliveryLag = TimeSpan.FromHours(1);

    private const int ParallelLists = 8;
    private readonly SemaphoreSlim throttle = new(ParallelLists);

    public async Task ListAsync(S3Location location, S3Listing listing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(listing);
        var keys = new ConcurrentBag<string>();
        if (scope.HasTimeWindow)
        {
            await WalkAsync(location, location.Prefix, keys, listing, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await ListFlatAsync(location, location.Prefix, keys, listing, cancellationToken).ConfigureAwait(false);
        }

        listing.Inputs.AddRange(keys.Order(StringComparer.Ordinal).Select(key => new S3ObjectInput(s3, location, key)));
    }

    private async Task WalkAsync(S3Location location, string prefix, ConcurrentBag<string> keys, S3Listing listing, CancellationToken cancellationToken)
    {
        if (CloudTrailKeyDates.Span(prefix) is { } span && !InWindow(span))
        {
            Interlocked.Increment(ref listing.FoldersOutsideWindow);
            return;
        }

        if (CloudTrailKeyDates.IsDay(prefix) || IsDigest(prefix))
        {
            await ListFlatAsync(location, prefix, keys, listing, cancellationToken).ConfigureAwait(false);
            return;
        }

        var folders = new List<string>();
        if (!await ListPagesAsync(location, prefix, "/", keys, folders, listing, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await Task.WhenAll(folders.Select(folder => WalkAsync(location, folder, keys, listing, cancellationToken))).ConfigureAwait(false);
    }

    private Task ListFlatAsync(S3Location location, string prefix, ConcurrentBag<string> keys, S3Listing listing, CancellationToken cancellationToken) =>
        IsDigest(prefix) ? Task.CompletedTask : ListPagesAsync(location, prefix, null, keys, [], listing, cancellationToken);

    private async Task<bool> ListPagesAsync(S3Location location, string prefix, string? delimiter, ConcurrentBag<string> keys, List<string> folders, S3Listing listing, CancellationToken cancellationToken)
    {
        string? token = null;
        do
        {
            S3ListPage page;
            await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                page = await s3.ListAsync(location.Bucket, prefix, delimiter, token, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                listing.Errors.Enqueue($"{location.ObjectUri(prefix)}: cannot list: {ex.Message}");
                return false;
            }
            finally
            {
                throttle.Release();
            }

            foreach (var key in page.Keys)
            {
                if (IsDigest(key) || key.EndsWith('/'))
                {
                    continue;
                }

                if (scope.HasTimeWindow && !KeyInWindow(key))
                {
                    Interlocked.Increment(ref listing.ObjectsOutsideWindow);
                    continue;
                }

                keys.Add(key);
            }

            folders.AddRange(page.CommonPrefixes.Where(folder => !IsDigest(folder)));
            token = page.ContinuationToken;
        }
        while (token is not null);
        return true;
    }

    private bool InWindow((DateTimeOffset Start, DateTimeOffset End) span)
    {
        var earliest = scope.Since is { } since ? new DateTimeOffset(since.UtcDateTime.Date, TimeSpan.Zero) : DateTimeOffset.MinValue;
        var latest = scope.Until is { } until ? until + DeliveryLag : DateTimeOffset.MaxValue;
        return span.End > earliest && span.Start < latest;
    }

    private bool KeyInWindow(string key)
    {
        if (CloudTrailKeyDates.Span(key) is { } span && !InWindow(span))
        {
            return false;
        }

        return scope.Until is not { } until || CloudTrailKeyDates.FileStamp(key) is not { } stamp || stamp <= until + DeliveryLag;
    }

    private static bool IsDigest(string keyOrPrefix) => keyOrPrefix.Contains("/CloudTrail-Digest/", StringComparison.Ordinal);
}
