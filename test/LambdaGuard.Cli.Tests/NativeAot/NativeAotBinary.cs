using System.Diagnostics;
using System.Runtime.InteropServices;
using LambdaGuard.Testing;

namespace LambdaGuard.Cli.Tests.NativeAot;

/// <summary>The Native AOT build of the CLI (README "Install"), the binary the performance numbers are
/// measured with. <c>.ci/run</c> publishes it before the tests and names it in
/// <see cref="BinaryVariable"/>; without that variable the fixture publishes it itself (about a minute).</summary>
public sealed class NativeAotBinary : IAsyncLifetime
{
    public const string BinaryVariable = "LAMBDAGUARD_AOT_BINARY";

    private string? published;

    public string Path { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable(BinaryVariable);
        if (!string.IsNullOrEmpty(given))
        {
            Path = System.IO.Path.GetFullPath(given, RepositoryPaths.Root);
            Assert.True(File.Exists(Path), $"{BinaryVariable} names {Path}, which does not exist");
            return;
        }

        published = Directory.CreateTempSubdirectory("lambdaguard-aot-").FullName;
        var rid = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        var output = System.IO.Path.Combine(published, "bin");

        // Its own artifacts folder keeps the RID-specific restore and build out of the src bin/obj folders
        // that other test projects and IDE builds use at the same time.
        var run = await RunAsync(
            "dotnet",
            ["publish", RepositoryPaths.InRepo("src", "LambdaGuard.Cli"), "-c", "Release", "-r", rid, "-p:PublishAot=true", "-o", output, "--artifacts-path", System.IO.Path.Combine(published, "artifacts"), "--nologo"],
            TimeSpan.FromMinutes(10));
        Assert.True(run.ExitCode == 0, $"dotnet publish -p:PublishAot=true failed:\n{run.Out}\n{run.Error}");
        Path = System.IO.Path.Combine(output, "lambdaguard");
    }

    public Task DisposeAsync()
    {
        if (published is not null)
        {
            Directory.Delete(published, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>Runs the binary from the repository root with the test credentials and nothing of the
    /// caller's AWS configuration.</summary>
    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) => RunAsync(Path, args, TimeSpan.FromMinutes(2));

    private static async Task<(int ExitCode, string Out, string Error)> RunAsync(string file, string[] args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing of the caller's AWS configuration, and none of the MSBuild state an outer `dotnet test`
        // passes down (it would point a nested publish at the outer build's SDK state).
        foreach (var name in start.Environment.Keys.Where(IsInherited).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["AWS_ACCESS_KEY_ID"] = AwsTestEnvironment.AccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = AwsTestEnvironment.SecretAccessKey;
        start.Environment["AWS_REGION"] = AwsTestEnvironment.Region;
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }

        return (process.ExitCode, await output, await error);
    }

    private static bool IsInherited(string name) =>
        name.StartsWith("AWS_", StringComparison.Ordinal) || name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase);
}
