using System.CommandLine;
using LambdaGuard.Cli.Commands;
using LambdaGuard.Cli.Replay;
using LambdaGuard.Cli.Rules;
using LambdaGuard.Cli.TestAlert;

namespace LambdaGuard.Cli;

/// <summary>The composition root of the <c>lambdaguard</c> command.</summary>
public static class LambdaGuardCli
{
    public static RootCommand Build(CliIo io)
    {
        var root = new RootCommand("LambdaGuard: detect risky AWS Lambda changes in CloudTrail.");
        root.Subcommands.Add(ScanCommand.Create(io));
        root.Subcommands.Add(ReplayCommand.Create(io));
        root.Subcommands.Add(TestAlertCommand.Create(io));
        root.Subcommands.Add(SuppressionsCommand.Create(io));
        root.Subcommands.Add(RulesCommand.Create(io));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliIo io)
    {
        var root = Build(io);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                await io.Error.WriteLineAsync($"lambdaguard: {error.Message}").ConfigureAwait(false);
            }

            await io.Error.WriteLineAsync("Run 'lambdaguard --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error };
        return await parsed.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
