using System.CommandLine;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.Suppressions;
using LambdaGuard.Core.Ports;

namespace LambdaGuard.Cli.Commands;

/// <summary><c>lambdaguard suppressions</c>: administer the deployed suppression list (docs/suppressions.md).</summary>
public static class SuppressionsCommand
{
    public static Command Create(CliIo io) => Create(io, factory => new StsCallerIdentity(factory.CreateSts()));

    /// <param name="identity">Who is writing; tests pass a stub instead of STS.</param>
    /// <param name="store">Tests pass an in-memory store instead of the DynamoDB table.</param>
    internal static Command Create(CliIo io, Func<AwsClientFactory, ICallerIdentity> identity, Func<ISuppressionStore>? store = null)
    {
        SuppressionCommandRunner Runner(SuppressionCommonOptions common) => new(io, common, identity, store);

        var command = new Command("suppressions", "List, change, export, import and explain the suppression entries of the deployed table.");
        command.Subcommands.Add(List(Runner));
        command.Subcommands.Add(Show(Runner));
        command.Subcommands.Add(Add(Runner));
        command.Subcommands.Add(Update(Runner));
        command.Subcommands.Add(Remove(Runner));
        command.Subcommands.Add(Export(Runner));
        command.Subcommands.Add(Import(Runner));
        command.Subcommands.Add(Explain(Runner));
        return command;
    }

    private static (Command Command, SuppressionCommandRunner Runner) New(string name, string description, Func<SuppressionCommonOptions, SuppressionCommandRunner> runners)
    {
        var command = new Command(name, description);
        var common = new SuppressionCommonOptions();
        common.AddTo(command);
        return (command, runners(common));
    }

    private static Argument<string> IdArgument() => new("ID") { Description = "The entry's id" };

    private static Option<long?> ExpectedVersion() => new("--expected-version") { Description = "Only if the entry is still at this version (as shown by show/list)" };

    private static Command List(Func<SuppressionCommonOptions, SuppressionCommandRunner> runners)
    {
        var (command, runner) = New("list", "List every entry with its expiry, selectors and version.", runners);
        command.SetAction((parse, ct) => runner.RunAsync("list", parse, (context, token) => new SuppressionQueries(context).ListAsync(token), ct));
        return command;
    }

    private static Command Show(Func<SuppressionCommonOptions, SuppressionCommandRunner> runners)
    {
        var (command, runner) = New("show", "Show one entry.", runners);
        var id = IdArgument();
        command.Arguments.Add(id);
        command.SetAction((parse, ct) => runner.RunAsync("show", parse, (context, token) => new SuppressionQueries(context).ShowAsync(parse.GetValue(id)!, token), ct));
        return command;
    }

    private static Command Add(Func<SuppressionCommonOptions, SuppressionCommandRunner> runners)
    {
        var (command, runner) = New("add", "Add an entry (never replaces one); --reason and --expires-at are required.", runners);
        var id = new Option<string>("--id") { Description = "Unique id: 1-128 letters, digits, '.', '_' or '-'", Required = true };
        var fields = new SuppressionFieldOptions(forAdd: true);
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate and preview; write nothing" };
        var since = new Option<string[]>("--since") { Description = "With --dry-run: CloudTrail files or folders; shows which findings in them the entry would silence", AllowMultipleArgumentsPerToken = true };
        var detector = new DetectorOptions();
        command.Options.Add(id);
        fields.AddTo(command);
        command.Options.Add(dryRun);
        command.Options.Add(since);
        detector.AddTo(command);
        command.SetAction((parse, ct) => runner.RunAsync(
            "add",
            parse,
            (context, token) => new SuppressionEditor(context).AddAsync(parse.GetValue(id)!, fields.Read(parse), parse.GetValue(dryRun), parse.GetValue(since) ?? [], detector.Read(parse), token),
            ct));
        return command;
    }

    private static Command Update(Func<SuppressionCommonOptions, SuppressionCommandRunner> runners)
    {
        var (command, runner) = New("update", "Change an entry; only the given fields change (an empty selector value removes it). Refused if someone else changed it meanwhile.", runners);
        var id = IdArgument();
        var fields = new SuppressionFieldOptions(forAdd: false);
        var expected = ExpectedVersion();
        command.Arguments.Add(id);
        fields.AddTo(command);
        command.Options.Add(expected);
        command.SetAction((parse, ct) => runner.RunAsync(
            "update",
            parse,
            (context, token) => new SuppressionEditor(context).UpdateAsync(parse.GetValue(id)!, fields.Read(parse), parse.GetValue(expected), token),
            ct));
        return command;
    }

    private static Command Remove(Func<SuppressionCommonOptions, SuppressionCommandRunner> runners)
    {
        var (command, runner) = New("remove", "Remove an entry.", runners);
        var id = IdArgument();
        var expected = ExpectedVersion();
        command.Arguments.Add(id);
        command.Options.Add(expected);
        command.SetAction((parse, ct) => runner.RunAsync(
            "remove", parse, (context, token) => new SuppressionEditor(context).RemoveAsync(parse.GetValue(id)!, parse.GetValue(expected), token), ct));
        return command;
    }

    private static Command Export(Func<SuppressionCommonOptions, SuppressionCommandRunner> runners)
    {
        var (command, runner) = New("export", "Write every entry as the JSON file 'scan --suppressions' and 'import' read.", runners);
        var output = new Option<string?>("--output") { Description = "File to write (default: stdout)" };
        command.Options.Add(output);
        command.SetAction((parse, ct) => runner.RunAsync("export", parse, (context, token) => new SuppressionQueries(context).ExportAsync(parse.GetValue(output), token), ct));
        return command;
    }

    private static Command Import(Func<SuppressionCommonOptions, SuppressionCommandRunner> runners)
    {
        var (command, runner) = New("import", "Apply a suppression file to the table: shows the diff, asks for confirmation unless --yes.", runners);
        var file = new Argument<string>("FILE") { Description = "Suppression file {\"suppressions\":[...]}" };
        var yes = new Option<bool>("--yes") { Description = "Apply without asking (required when not interactive)" };
        var prune = new Option<bool>("--prune") { Description = "Also remove entries that are not in the file" };
        var fields = new SuppressionFieldOptions(forAdd: false);
        command.Arguments.Add(file);
        command.Options.Add(yes);
        command.Options.Add(prune);
        command.Options.Add(fields.AllowBroad);
        command.Options.Add(fields.MaxDays);
        command.SetAction((parse, ct) => runner.RunAsync(
            "import",
            parse,
            (context, token) => new SuppressionImporter(context).ImportAsync(parse.GetValue(file)!, parse.GetValue(yes), parse.GetValue(prune), parse.GetValue(fields.AllowBroad), parse.GetValue(fields.MaxDays), token),
            ct));
        return command;
    }

    private static Command Explain(Func<SuppressionCommonOptions, SuppressionCommandRunner> runners)
    {
        var (command, runner) = New("explain", "For each record: the actor class, the rule that fired (or why none did) and which entry silences it, field by field.", runners);
        var paths = new Argument<string[]>("EVENT_FILE") { Description = "CloudTrail files or folders (every scan input format)", Arity = ArgumentArity.OneOrMore };
        var suppressions = new Option<string?>("--suppressions") { Description = "Explain against this suppression file instead of the table (offline)" };
        var asOf = new Option<string?>("--as-of") { Description = "Judge expiry at this ISO 8601 time; default now" };
        var detector = new DetectorOptions();
        command.Arguments.Add(paths);
        command.Options.Add(suppressions);
        command.Options.Add(asOf);
        detector.AddTo(command);
        command.SetAction((parse, ct) => runner.RunAsync(
            "explain",
            parse,
            (context, token) => new SuppressionExplainer(context).ExplainAsync(parse.GetValue(paths) ?? [], detector.Read(parse), parse.GetValue(suppressions), parse.GetValue(asOf), token),
            ct));
        return command;
    }
}
