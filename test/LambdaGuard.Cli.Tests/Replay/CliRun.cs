namespace LambdaGuard.Cli.Tests.Replay;

internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await LambdaGuardCli.RunAsync(args, new CliIo(output, error, TextReader.Null, false, TimeProvider.System));
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
