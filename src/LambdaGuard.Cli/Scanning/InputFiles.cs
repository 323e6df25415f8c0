using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Scanning;

/// <summary>Opens inputs for every command that reads logs, so all report an unopenable file the same way.</summary>
public static class InputFiles
{
    /// <summary>The local walk for commands that take plain paths (replay, explain): the files found, plus
    /// the entries that could not be read, which <see cref="Read(CloudTrailReader, string, ReadCounters)"/> then
    /// reports and counts as file errors.</summary>
    public static (List<string> Files, List<string> Missing) Expand(IEnumerable<string> paths)
    {
        var walk = InputWalker.Walk(paths, Console.OpenStandardInput);
        var files = walk.Inputs.Where(input => input is LocalFileInput).Select(input => input.Path).Concat(walk.ErrorPaths).ToList();
        if (walk.Inputs.Any(input => input is StandardInput))
        {
            walk.Missing.Add("-");
        }

        return (files, walk.Missing);
    }

    /// <summary>Streams one input file's items. A file that cannot be opened comes out as a
    /// <see cref="ReadItemKind.FileError"/> item, like one the reader cannot read, so every command reports and
    /// counts both the same way.</summary>
    public static IEnumerable<ReadItem> Read(CloudTrailReader reader, string path, ReadCounters counters) =>
        Read(reader, new LocalFileInput(path), counters);

    public static IEnumerable<ReadItem> Read(CloudTrailReader reader, ScanInput input, ReadCounters counters)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(counters);
        Stream stream;
        try
        {
            stream = input.Open();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException || IsSourceError(ex))
        {
            counters.Files++;
            counters.FileErrors++;
            return [ReadItem.FileError(new RecordLocation(input.Path, 0), $"cannot open: {ex.Message}")];
        }

        return ReadOpened(reader, stream, input.Path, counters);
    }

    // S3 and HTTP failures arrive as the SDK's own exception types; all of them mean "cannot open".
    private static bool IsSourceError(Exception ex) => ex is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException;

    private static IEnumerable<ReadItem> ReadOpened(CloudTrailReader reader, Stream stream, string path, ReadCounters counters)
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
