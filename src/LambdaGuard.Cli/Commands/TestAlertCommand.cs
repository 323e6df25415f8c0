using System.CommandLine;

namespace LambdaGuard.Cli.Commands;

public static class TestAlertCommand
{
    // Placeholder until the command lands; returns the usage exit code so nobody mistakes it for success.
    public static Command Create(CliIo io)
    {
        var command = new Command("test-alert", "Not available yet.");
        command.SetAction(_ =>
        {
            io.Error.WriteLine("lambdaguard test-alert: not available in this build");
            return ExitCodes.UsageOrInputError;
        });
        return command;
    }
}
