using System.CommandLine;

namespace LambdaGuard.Cli.Rules;

/// <summary><c>lambdaguard rules</c>: the rule catalog as the engine holds it, so the policy in force can be
/// read (and diffed between versions) without opening the code.</summary>
public static class RulesCommand
{
    public static Command Create(CliIo io)
    {
        ArgumentNullException.ThrowIfNull(io);
        var format = new Option<string>("--format") { Description = "table (default) or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command("rules", "List the detection rules: id, title, severity, which actors they cover, MITRE ATT&CK.");
        command.Options.Add(format);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var text = parse.GetValue(format) == "json" ? RuleListing.Json() : RuleListing.Table(io.Out);
            await io.Out.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
