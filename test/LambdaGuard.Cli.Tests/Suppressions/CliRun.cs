namespace LambdaGuard.Cli.Tests.Suppressions;

internal sealed record CliRun(int ExitCode, string Out, string Error);
