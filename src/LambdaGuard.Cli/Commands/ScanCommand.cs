using System.CommandLine;
using System.Diagnostics;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Formats;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Commands;

/// <summary><c>lambdaguard scan</c> exactly as docs/interfaces.md gives it.</summary>
public static class ScanCommand
{
    public static Command Create(CliIo io)
    {
        var paths = new Argument<string[]>("PATH") { Description = "CloudTrail files or folders (recursive), plain or .gz", Arity = ArgumentArity.OneOrMore };
        var suppressions = new Option<string?>("--suppressions") { Description = "Suppression file {\"suppressions\":[...]}" };
        var format = new Option<string>("--format") { Description = "table (default), jsonl, csv, ocsf (OCSF 1.1.0 JSON Lines), asff (Security Hub) or markdown (report)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(["table", "jsonl", .. FindingFormats.Names]);
        var showSuppressed = new Option<bool>("--show-suppressed") { Description = "Also print suppressed findings" };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit 1 when an unsuppressed finding at or above this severity exists (Info, Low, Medium, High, Critical)" };
        failOn.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Enum.TryParse<Severity>(value, ignoreCase: true, out _))
            {
                result.AddError($"--fail-on '{value}' is not a severity: use one of {string.Join(", ", Enum.GetNames<Severity>())}");
            }
        });
        var options = new DetectorOptions();
        var asOf = new Option<string?>("--as-of") { Description = "Judge suppression expiry at this ISO 8601 time (backtests); default now" };

        var command = new Command("scan", "Run the detection rules over CloudTrail files offline.");
        command.Arguments.Add(paths);
        command.Options.Add(suppressions);
        command.Options.Add(format);
        command.Options.Add(showSuppressed);
        command.Options.Add(failOn);
        options.AddTo(command);
        command.Options.Add(asOf);

        command.SetAction(parse =>
        {
            var request = new ScanRequest(
                parse.GetValue(paths) ?? [],
                parse.GetValue(suppressions),
                parse.GetValue(format) == "jsonl",
                parse.GetValue(showSuppressed),
                parse.GetValue(failOn) is { } level ? Enum.Parse<Severity>(level, ignoreCase: true) : null,
                options.Read(parse),
                parse.GetValue(asOf));
            return Run(request, io, FindingFormats.Create(parse.GetValue(format)!, io.Clock.GetUtcNow(), request.Settings));
        });
        return command;
    }

    /// <param name="formatter">A format of <see cref="FindingFormats"/> instead of table or jsonl.</param>
    public static int Run(ScanRequest request, CliIo io, IFindingFormatter? formatter = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(io);
        var now = io.Clock.GetUtcNow();
        if (request.AsOf is not null)
        {
            if (!SuppressionFile.TryParseTime(request.AsOf, out now))
            {
                io.Error.WriteLine($"lambdaguard scan: --as-of '{request.AsOf}' is not an ISO 8601 time with a zone (e.g. 2026-01-31T00:00:00Z)");
                return ExitCodes.UsageOrInputError;
            }
        }

        IReadOnlyList<SuppressionEntry> entries = [];
        if (request.SuppressionsPath is { } suppressionsPath)
        {
            try
            {
                var content = SuppressionFile.Parse(File.ReadAllBytes(suppressionsPath));
                foreach (var warning in content.Warnings)
                {
                    io.Error.WriteLine($"{suppressionsPath}: {warning}");
                }

                entries = content.Entries;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SuppressionFileException)
            {
                io.Error.WriteLine($"lambdaguard scan: suppression file {suppressionsPath}: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }
        }

        var (files, missing) = InputFiles.Expand(request.Paths);
        foreach (var path in missing)
        {
            io.Error.WriteLine($"{path}: no such file or folder");
        }

        var detector = new Detector(request.Settings);
        var scanner = new FileScanner(detector, entries, now);
        var summary = new ScanSummary();
        var table = request.Jsonl || formatter is not null ? null : new FindingTable();
        formatter?.Begin(io.Out);
        var progress = new ScanProgress(io, files.Count);
        var clock = Stopwatch.StartNew();

        foreach (var result in ParallelFileScan.Run(files, scanner.Scan, Environment.ProcessorCount))
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                io.Error.WriteLine(diagnostic);
            }

            foreach (var scanned in result.Findings)
            {
                if (scanned.SuppressedBy is not null && !request.ShowSuppressed)
                {
                    continue;
                }

                if (formatter is not null)
                {
                    formatter.Write(io.Out, scanned.Finding, scanned.SuppressedBy?.Id);
                }
                else if (table is null)
                {
                    io.Out.WriteLine(FindingJson.FindingLine(scanned.Finding, scanned.SuppressedBy?.Id, request.Settings.MaxParameterBytes));
                }
                else
                {
                    table.Add(scanned);
                }
            }

            summary.Add(result);
            progress.Report(summary, clock.Elapsed);
        }

        summary.Elapsed = clock.Elapsed;
        progress.Finish();
        formatter?.End(io.Out);
        if (table is not null)
        {
            table.Render(io.Out);
            io.Out.WriteLine(summary.Describe());
        }
        else
        {
            io.Error.WriteLine(summary.Describe());
        }

        if (missing.Count > 0 || summary.Counters.FileErrors > 0)
        {
            return ExitCodes.UsageOrInputError;
        }

        return request.FailOn is { } threshold && summary.HighestUnsuppressed is { } highest && highest >= threshold
            ? ExitCodes.FindingsAtOrAboveThreshold
            : ExitCodes.Success;
    }
}
