using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Expands PATH arguments: files as given, folders recursively in ordinal order (so output order
/// and source indexes are stable between runs).</summary>
public static class InputFiles
{
    public static (List<string> Files, List<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = false, AttributesToSkip = FileAttributes.Hidden })
                    .Order(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                missing.Add(path);
            }
        }

        return (files, missing);
    }

    private const int FileBufferSize = 1 << 20;

    /// <summary>Streams one input file's items. A file that cannot be opened comes out as a
    /// <see cref="ReadItemKind.FileError"/> item, like one the reader cannot read, so every command reports and
    /// counts both the same way.</summary>
    public static IEnumerable<ReadItem> Read(CloudTrailReader reader, string path, ReadCounters counters)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(counters);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            counters.Files++;
            counters.FileErrors++;
            return [ReadItem.FileError(new RecordLocation(path, 0), $"cannot open: {ex.Message}")];
        }

        return ReadOpened(reader, stream, path, counters);
    }

    private static IEnumerable<ReadItem> ReadOpened(CloudTrailReader reader, FileStream stream, string path, ReadCounters counters)
    {
        using (stream)
        {
            foreach (var item in reader.Read(stream, path, counters))
            {
                yield return item;
            }
        }
    }
}
