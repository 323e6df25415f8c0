using LambdaGuard.Cli;

return await LambdaGuardCli.RunAsync(args, CliIo.FromConsole()).ConfigureAwait(false);
