namespace LambdaGuard.Infra.Detector;

/// <summary>Where the detector's project lives, found from the repository root (the folder with LambdaGuard.sln).</summary>
public sealed record FunctionSource(string RepositoryRoot)
{
    public string ProjectDirectory => Path.Combine(RepositoryRoot, "src", "LambdaGuard.Function");

    public string ProjectFile => Path.Combine(ProjectDirectory, "LambdaGuard.Function.csproj");

    public string ArtifactsPath => Path.Combine(RepositoryRoot, ".tmp", "cdk-bundling");

    public static FunctionSource Locate()
    {
        // cdk runs the app from the folder holding cdk.json (the repository root); tests run from bin/.
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LambdaGuard.sln")))
                {
                    return new FunctionSource(dir.FullName);
                }
            }
        }

        throw new InvalidOperationException(
            $"LambdaGuard: LambdaGuard.sln not found above {Directory.GetCurrentDirectory()} or " +
            $"{AppContext.BaseDirectory}; run cdk from the repository root.");
    }
}
