using System.CommandLine;
using System.CommandLine.Parsing;
using LambdaGuard.Cli.Commands;
using LambdaGuard.Cli.Coverage;
using LambdaGuard.Cli.Parsing;
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
        root.Subcommands.Add(CoverageCommand.Create(io));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliIo io)
    {
        var root = Build(io);
        var parsed = root.Parse(args);
        var unknown = UnknownOptions.Find(parsed);
        if (parsed.Errors.Count > 0 || unknown.Count > 0)
        {
            await ReportUsageErrorsAsync(parsed, unknown, io).ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        // The library's own handler prints a stack trace and returns 1, which is scan's --fail-on code: a crash
        // must never look like "findings found".
        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parsed.InvokeAsync(configuration).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var message = exception.Message.ReplaceLineEndings(" ");
            await io.Error.WriteLineAsync($"{CommandPath(parsed.CommandResult)}: unexpected error ({exception.GetType().Name}): {message}").ConfigureAwait(false);
            return ExitCodes.UnexpectedError;
        }
    }

    /// <summary>Every usage error before anything runs: unknown options with the closest real name, the
    /// parser's own errors, and where the help of the command in use is.</summary>
    private static async Task ReportUsageErrorsAsync(ParseResult parsed, IReadOnlyList<string> unknown, CliIo io)
    {
        var command = parsed.CommandResult.Command;
        var commandPath = CommandPath(parsed.CommandResult);
        foreach (var token in unknown)
        {
            var hint = UnknownOptions.Suggest(token, command) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;
            await io.Error.WriteLineAsync($"{commandPath}: unknown option '{token}'.{hint}").ConfigureAwait(false);
        }

        foreach (var error in parsed.Errors)
        {
            if (unknown.Any(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal)))
            {
                continue;
            }

            var unmatched = parsed.UnmatchedTokens.FirstOrDefault(token => error.Message.Contains($"'{token}'", StringComparison.Ordinal));
            var hint = unmatched is not null && UnknownOptions.Suggest(unmatched, command) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;
            await io.Error.WriteLineAsync($"{commandPath}: {error.Message}{hint}").ConfigureAwait(false);
        }

        await io.Error.WriteLineAsync($"Run '{commandPath} --help' for usage.").ConfigureAwait(false);
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = command.Parent)
        {
            names.Add(command.Parent is null ? "lambdaguard" : command.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
