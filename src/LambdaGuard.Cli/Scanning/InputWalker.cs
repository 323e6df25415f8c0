namespace LambdaGuard.Cli.Scanning;

/// <summary>Turns local PATH arguments into inputs. A path named on the command line is read whatever it
/// is (a pipe or process substitution is a legitimate input); inside folders only regular files are read,
/// every folder and file is visited once however many links lead to it (so a link to <c>.</c> or a link
/// loop adds nothing), and an entry that cannot be read is reported while the rest is still walked.
/// Files of one PATH come in ordinal order, so output and source indexes are stable between runs.</summary>
public sealed class InputWalker(Func<Stream> openStandardInput)
{
    private readonly HashSet<(ulong Device, ulong Inode)> seenFiles = [];
    private readonly HashSet<(ulong Device, ulong Inode)> seenFolders = [];
    private bool standardInputAdded;

    public static LocalInputs Walk(IEnumerable<string> paths, Func<Stream> openStandardInput)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var walker = new InputWalker(openStandardInput);
        var result = new LocalInputs();
        foreach (var path in paths)
        {
            walker.Add(path, result);
        }

        return result;
    }

    /// <summary>Adds one PATH argument's inputs to <paramref name="result"/>; the walker remembers what it has
    /// seen across calls, so a path given twice is scanned once.</summary>
    public void Add(string path, LocalInputs result)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(result);
        if (path == "-")
        {
            if (!standardInputAdded)
            {
                standardInputAdded = true;
                result.Inputs.Add(new StandardInput(openStandardInput));
            }

            return;
        }

        if (FileStatus.Get(path, out var error, out var missing) is not { } status)
        {
            if (missing)
            {
                result.Missing.Add(path);
            }
            else
            {
                result.Errors.Add($"{path}: cannot read: {error}");
                result.ErrorPaths.Add(path);
            }

            return;
        }

        if (status.Kind == FileKind.Directory)
        {
            WalkFolder(path, status, result);
        }
        else if (status.Kind != FileKind.RegularFile || seenFiles.Add((status.Device, status.Inode)))
        {
            result.Inputs.Add(new LocalFileInput(path));
        }
    }

    private void WalkFolder(string root, FileStatus rootStatus, LocalInputs result)
    {
        if (!seenFolders.Add((rootStatus.Device, rootStatus.Inode)))
        {
            return;
        }

        var files = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        // Hidden entries are listed and reported as skipped rather than filtered by the enumeration, so the
        // summary never hides that something in the folder was not read.
        var options = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            List<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(folder, "*", options).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                result.Errors.Add($"{folder}: cannot read folder: {ex.Message}");
                result.ErrorPaths.Add(folder);
                continue;
            }

            foreach (var entry in entries)
            {
                if (Path.GetFileName(entry).StartsWith('.'))
                {
                    result.Skipped.Add($"{entry}: skipped: a hidden entry (name starts with '.')");
                    continue;
                }

                if (FileStatus.Get(entry, out var error, out _) is not { } status)
                {
                    result.Errors.Add($"{entry}: cannot read: {error}");
                    result.ErrorPaths.Add(entry);
                    continue;
                }

                switch (status.Kind)
                {
                    case FileKind.Directory:
                        if (seenFolders.Add((status.Device, status.Inode)))
                        {
                            pending.Push(entry);
                        }
                        else
                        {
                            result.Skipped.Add($"{entry}: skipped: a folder already scanned (a link back into the tree)");
                        }

                        break;
                    case FileKind.RegularFile:
                        if (seenFiles.Add((status.Device, status.Inode)))
                        {
                            files.Add(entry);
                        }
                        else
                        {
                            result.Skipped.Add($"{entry}: skipped: the same file as one already scanned");
                        }

                        break;
                    default:
                        result.Skipped.Add($"{entry}: skipped: not a regular file ({status.Kind})");
                        break;
                }
            }
        }

        files.Sort(StringComparer.Ordinal);
        result.Inputs.AddRange(files.Select(file => new LocalFileInput(file)));
    }
}
