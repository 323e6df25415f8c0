using System.CommandLine;

namespace LambdaGuard.Cli.Commands;

public static class SuppressionsCommand
{
    // Placeholder until the command lands; returns the usage exit code so nobody mistakes it for success.
    public static Command Create(CliIo io)
    {
        var command = new Command("suppressions", "Not available yet.");
        command.SetAction(_ =>
        {
            io.Error.WriteLine("lambdaguard suppressions: not available in this build");
            return ExitCodes.UsageOrInputError;
        });
        return command;
    }
}
