namespace LambdaGuard.Cli.Tests.Scan;

/// <summary>A folder of copied fixtures, so one scan can mix good and bad files.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public ScratchFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lambdaguard-scan-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Copy(string source, string? name = null)
    {
        var target = System.IO.Path.Combine(Path, name ?? System.IO.Path.GetFileName(source));
        File.Copy(source, target);
        return target;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
