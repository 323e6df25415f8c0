using LambdaGuard.Testing;

namespace LambdaGuard.Infra.Tests.Support;

/// <summary>
/// `npx cdk synth` exactly as a user runs it from the repository root: the CLI starts the C# app, which bundles
/// the function with a local `dotnet publish`. Runs once for the tests that need real CLI output.
/// </summary>
public sealed class CliSynthesisFixture : IDisposable
{
    public static readonly string[] Regions = ["us-east-1", "eu-west-1"];

    public CliSynthesisFixture()
    {
        OutputDirectory = Directory.CreateTempSubdirectory("lambdaguard-cdk-synth-").FullName;
        Result = NodeTool.Run(
            "npx",
            ["--no", "cdk", "synth", "--quiet", "--output", OutputDirectory, "-c", $"regions={string.Join(',', Regions)}"],
            TimeSpan.FromMinutes(8));
    }

    public string OutputDirectory { get; }

    public ToolResult Result { get; }

    public IReadOnlyList<string> TemplateFiles =>
        [.. Directory.EnumerateFiles(OutputDirectory, "*.template.json").Order(StringComparer.Ordinal)];

    public void Dispose() => Directory.Delete(OutputDirectory, recursive: true);
}
