namespace LambdaGuard.Testing;

/// <summary>Finds the repository root from a test's output folder, so fixtures and node tooling resolve
/// the same way under `dotnet test`, an IDE, and CI's fresh clone (which has shared/ beside it).</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LambdaGuard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"LambdaGuard.sln not found above {AppContext.BaseDirectory}");
    }
}
