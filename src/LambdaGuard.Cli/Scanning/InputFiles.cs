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
}
