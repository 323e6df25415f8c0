namespace LambdaGuard.Cli.Scanning;

/// <summary>What walking the local PATH arguments found. <see cref="Errors"/> are entries that could not be
/// examined or read (exit 2 after the rest is scanned); <see cref="Skipped"/> are entries deliberately left
/// out (not regular files, folders already walked), reported but not errors.</summary>
public sealed class LocalInputs
{
    public List<ScanInput> Inputs { get; } = [];

    public List<string> Missing { get; } = [];

    public List<string> Skipped { get; } = [];

    public List<string> Errors { get; } = [];

    /// <summary>Paths that failed as errors, so the older callers (replay, explain) can hand them to
    /// <see cref="InputFiles.Read(LambdaGuard.Core.Reading.CloudTrailReader, string, LambdaGuard.Core.Reading.ReadCounters)"/>
    /// and report them as files that cannot be opened.</summary>
    public List<string> ErrorPaths { get; } = [];
}
