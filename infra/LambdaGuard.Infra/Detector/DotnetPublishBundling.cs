using System.Diagnostics;
using Amazon.CDK;
using Amazon.JSII.Runtime.Deputy;

namespace LambdaGuard.Infra.Detector;

/// <summary>
/// Builds the function package on the machine running <c>cdk synth</c>: <c>dotnet publish</c> for linux-arm64
/// with ReadyToRun, straight into the asset folder CDK hands over. Docker is never needed.
/// </summary>
public sealed class DotnetPublishBundling : DeputyBase, ILocalBundling
{
    private readonly string projectFile;
    private readonly string artifactsPath;

    public DotnetPublishBundling(string projectFile, string artifactsPath)
    {
        this.projectFile = projectFile;
        this.artifactsPath = artifactsPath;
    }

    public const string RuntimeIdentifier = "linux-arm64";

    public IReadOnlyList<string> PublishArguments(string outputDir) =>
    [
        "publish", projectFile,
        "--configuration", "Release",
        "--runtime", RuntimeIdentifier,
        "--self-contained", "false",
        "--output", outputDir,
        // A separate artifacts folder keeps the RID-specific restore and build away from the developer's
        // bin/obj folders, so a synth never disturbs a running IDE build or test run.
        "--artifacts-path", artifactsPath,
        "-p:PublishReadyToRun=true",
        "--nologo",
    ];

    public bool TryBundle(string outputDir, IBundlingOptions options)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in PublishArguments(outputDir))
        {
            start.ArgumentList.Add(argument);
        }

        // MSBuild variables inherited from an outer `dotnet run`/`dotnet test` point the nested build at the outer
        // build's SDK state; a clean environment makes the publish behave as it does from a terminal.
        foreach (var key in start.Environment.Keys.Where(IsInheritedMsBuildVariable).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        Console.Error.WriteLine($"LambdaGuard: dotnet {string.Join(' ', start.ArgumentList)}");
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException("LambdaGuard bundling: could not start 'dotnet'.");

        // stdout stays free for the CDK CLI; the build log goes to stderr.
        process.OutputDataReceived += (_, e) => WriteLine(e.Data);
        process.ErrorDataReceived += (_, e) => WriteLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();

        if (process.ExitCode != 0)
        {
            // Returning false would make CDK fall back to Docker, which LambdaGuard never needs; fail loudly instead.
            throw new InvalidOperationException(
                $"LambdaGuard bundling: 'dotnet publish {projectFile}' failed with exit code {process.ExitCode}; " +
                "see the build output above.");
        }

        return true;
    }

    private static bool IsInheritedMsBuildVariable(string key) =>
        key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) ||
        key.Equals("MSBUILD_EXE_PATH", StringComparison.OrdinalIgnoreCase);

    private static void WriteLine(string? line)
    {
        if (line is not null)
        {
            Console.Error.WriteLine(line);
        }
    }
}
