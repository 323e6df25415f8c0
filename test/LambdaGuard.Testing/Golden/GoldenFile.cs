using Xunit;

namespace LambdaGuard.Testing.Golden;

/// <summary>Compares output with a file committed under the repository, byte for byte. Outputs that change
/// on purpose (a new policy version) are regenerated with <c>LAMBDAGUARD_UPDATE_GOLDEN=1 dotnet test ...</c>,
/// which rewrites the files instead of asserting; the diff is then reviewed like any other change.</summary>
public static class GoldenFile
{
    public const string UpdateVariable = "LAMBDAGUARD_UPDATE_GOLDEN";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    /// <param name="repositoryPath">The file's path from the repository root, with forward slashes.</param>
    public static void AssertMatches(string repositoryPath, string actual)
    {
        ArgumentNullException.ThrowIfNull(repositoryPath);
        ArgumentNullException.ThrowIfNull(actual);
        actual = actual.ReplaceLineEndings("\n");
        var path = RepositoryPaths.InRepo(repositoryPath.Split('/'));
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"{repositoryPath} is missing; create it with {UpdateVariable}=1");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected == actual)
        {
            return;
        }

        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        Assert.Fail(
            $"{repositoryPath} differs from the output at line {line + 1} (rerun with {UpdateVariable}=1 if the change is intended).\n"
            + $"expected: {(line < expectedLines.Length ? expectedLines[line] : "<end of file>")}\n"
            + $"actual:   {(line < actualLines.Length ? actualLines[line] : "<end of output>")}");
    }
}
