using LambdaGuard.Testing;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Cli.Tests.Scan;

/// <summary>Runs <c>lambdaguard scan</c> in-process with captured output and a fixed clock.</summary>
internal sealed record ScanRun(int ExitCode, string Out, string Error)
{
    public static readonly DateTimeOffset Today = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static string SamplesFolder => RepositoryPaths.InRepo("samples", "cloudtrail");

    public static string SampleSuppressions => RepositoryPaths.InRepo("samples", "suppressions.json");

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Scan", name);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static Task<ScanRun> RunAsync(params string[] args) => RunWithInputAsync(null, args);

    /// <param name="standardInput">What <c>scan -</c> reads; null for none.</param>
    public static async Task<ScanRun> RunWithInputAsync(Func<Stream>? standardInput, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, Interactive: false, new AutoAdvancingTimeProvider(Today))
        {
            OpenStandardInput = standardInput ?? (() => Stream.Null),
        };
        var exitCode = await LambdaGuardCli.RunAsync(["scan", .. args], io);
        return new ScanRun(exitCode, output.ToString(), error.ToString());
    }
}
