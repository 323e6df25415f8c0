using System.CommandLine;
using System.Diagnostics;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Cli.Commands;

/// <summary><c>lambdaguard scan</c> as docs/interfaces.md gives it, with the additions of 2026-11-30.</summary>
public static class ScanCommand
{
    public static Command Create(CliIo io, Func<ScanRequest, IS3Objects>? s3 = null)
    {
        var paths = new Argument<string[]>("PATH") { Description = "CloudTrail files or folders (recursive), plain or .gz; s3://bucket/prefix; - for standard input", Arity = ArgumentArity.OneOrMore };
        var suppressions = new Option<string?>("--suppressions") { Description = "Suppression file {\"suppressions\":[...]}" };
        var format = new Option<string>("--format") { Description = "table (default), jsonl, csv, ocsf (OCSF 1.1.0 JSON Lines), asff (Security Hub) or markdown (report)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(ScanOutputFactory.Formats);
        var wide = new Option<bool>("--wide") { Description = "Table: every column (full times, account, region, API, source) instead of 100 columns" };
        var showSuppressed = new Option<bool>("--show-suppressed") { Description = "Also print suppressed findings" };
        var failOn = SeverityOption("--fail-on", "Exit 1 when an unsuppressed finding at or above this severity exists");
        var options = new DetectorOptions();
        var asOf = new Option<string?>("--as-of") { Description = "Judge suppression expiry (and relative --since/--until) at this ISO 8601 time; default now" };
        var since = new Option<string?>("--since") { Description = "Only events at or after this time: ISO 8601, a date, or an age such as 7d, 12h, 30m" };
        var until = new Option<string?>("--until") { Description = "Only events before this time (same forms as --since)" };
        var account = new Option<string[]>("--account") { Description = "Only events in accounts matching this glob (repeatable)" };
        var eventRegion = new Option<string[]>("--event-region") { Description = "Only events in regions matching this glob (repeatable)" };
        var rule = new Option<string[]>("--rule") { Description = "Only findings of rules matching this glob, e.g. LG00? (repeatable)" };
        var minSeverity = SeverityOption("--min-severity", "Only findings at or above this severity");
        var aws = new AwsCommandOptions(AwsService.S3, "AWS region of the s3:// buckets (default: AWS_REGION, else the profile's region)");

        var command = new Command("scan", "Run the detection rules over CloudTrail files offline.");
        command.Arguments.Add(paths);
        foreach (var option in new Option[] { suppressions, format, wide, showSuppressed, failOn })
        {
            command.Options.Add(option);
        }

        options.AddTo(command);
        foreach (var option in new Option[] { asOf, since, until, account, eventRegion, rule, minSeverity })
        {
            command.Options.Add(option);
        }

        aws.AddTo(command);

        command.SetAction(parse =>
        {
            AwsConnectionOptions connection;
            try
            {
                connection = aws.Read(parse);
            }
            catch (AwsSetupException ex)
            {
                io.Error.WriteLine($"lambdaguard scan: {ex.Message}");
                return ExitCodes.UsageOrInputError;
            }

            var request = new ScanRequest(
                parse.GetValue(paths) ?? [],
                parse.GetValue(suppressions),
                parse.GetValue(format) == "jsonl",
                parse.GetValue(showSuppressed),
                ParseSeverity(parse.GetValue(failOn)),
                options.Read(parse),
                parse.GetValue(asOf))
            {
                Format = parse.GetValue(format) ?? "table",
                Wide = parse.GetValue(wide),
                Since = parse.GetValue(since),
                Until = parse.GetValue(until),
                Accounts = parse.GetValue(account) ?? [],
                EventRegions = parse.GetValue(eventRegion) ?? [],
                Rules = parse.GetValue(rule) ?? [],
                MinSeverity = ParseSeverity(parse.GetValue(minSeverity)),
                Aws = connection,
            };
            return Run(request, io, s3);
        });
        return command;
    }

    /// <param name="s3">Builds the S3 reader for s3:// paths (tests); default: the SDK's, from <see cref="ScanRequest.Aws"/>.</param>
    /// <param name="rules">The rules to run (tests); default: the catalog's.</param>
    public static int Run(ScanRequest request, CliIo io, Func<ScanRequest, IS3Objects>? s3 = null, IReadOnlyList<IDetectionRule>? rules = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(io);
        if (Prepare(request, io) is not { } prepared)
        {
            return ExitCodes.UsageOrInputError;
        }

        var (now, scope, entries) = prepared;
        var clock = Stopwatch.StartNew();
        var summary = new ScanSummary();
        if (CollectInputs(request, io, scope, summary, s3) is not { } collected)
        {
            return ExitCodes.UsageOrInputError;
        }

        var (inputs, inputErrors) = collected;
        var detector = new Detector(request.Settings, rules);
        var scanner = new FileScanner(detector, entries, now, scope);
        var output = ScanOutputFactory.Create(request.Format, io, new ScanOutputOptions(request.Wide, request.Settings, io.Clock.GetUtcNow()));
        var progress = new ScanProgress(io, inputs.Count);

        // Network reads wait more than they compute, so S3 objects are fetched several per core.
        var workers = inputs.Any(input => input is S3ObjectInput) ? Math.Max(8, Environment.ProcessorCount * 4) : Environment.ProcessorCount;
        foreach (var scanned in ParallelFileScan.Run(inputs, scanner.Scan, workers))
        {
            if (scanned.Diagnostic is { } diagnostic)
            {
                progress.Clear();
                io.Error.WriteLine(diagnostic);
            }
            else if (scanned.Finding is { } finding)
            {
                if (finding.SuppressedBy is null || request.ShowSuppressed)
                {
                    output.Add(finding);
                }

                summary.Add(finding);
            }
            else if (scanned.Done is { } result)
            {
                summary.Add(result);
                progress.Report(summary, clock.Elapsed);
            }
        }

        summary.Elapsed = clock.Elapsed;
        progress.Clear();
        output.Complete(summary);
        if (inputErrors || summary.Counters.FileErrors > 0 || summary.Unjudged > 0)
        {
            return ExitCodes.UsageOrInputError;
        }

        if (request.FailOn is { } threshold && summary.AtOrAbove(threshold) is > 0 and var met)
        {
            io.Error.WriteLine($"lambdaguard scan: {met} unsuppressed finding{(met == 1 ? string.Empty : "s")} at or above {threshold} (--fail-on {threshold})");
            return ExitCodes.FindingsAtOrAboveThreshold;
        }

        return ExitCodes.Success;
    }

    /// <summary>Everything that can be wrong with the options, checked before anything is read.</summary>
    private static (DateTimeOffset Now, ScanScope Scope, IReadOnlyList<SuppressionEntry> Entries)? Prepare(ScanRequest request, CliIo io)
    {
        var now = io.Clock.GetUtcNow();
        if (request.AsOf is not null && !IsoTime.TryParse(request.AsOf, out now))
        {
            io.Error.WriteLine($"lambdaguard scan: --as-of '{request.AsOf}' is not an ISO 8601 time with a zone (e.g. 2026-01-31T00:00:00Z)");
            return null;
        }

        bool TryTime(string name, string? text, out DateTimeOffset? time)
        {
            time = null;
            if (text is null)
            {
                return true;
            }

            if (!TimeArgument.TryParse(text, now, out var parsed))
            {
                io.Error.WriteLine($"lambdaguard scan: {name} '{text}' is not a time: {TimeArgument.Expected}");
                return false;
            }

            time = parsed;
            return true;
        }

        if (!TryTime("--since", request.Since, out var since) || !TryTime("--until", request.Until, out var until))
        {
            return null;
        }

        if (since >= until)
        {
            io.Error.WriteLine($"lambdaguard scan: --since {since:O} is not before --until {until:O}");
            return null;
        }

        foreach (var path in request.Paths.Where(S3Location.IsS3))
        {
            if (!S3Location.TryParse(path, out _))
            {
                io.Error.WriteLine($"lambdaguard scan: '{path}' is not an S3 location: use s3://bucket or s3://bucket/prefix");
                return null;
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
                return null;
            }
        }

        var scope = new ScanScope
        {
            Since = since,
            Until = until,
            Accounts = request.Accounts,
            EventRegions = request.EventRegions,
            Rules = request.Rules,
            MinSeverity = request.MinSeverity,
        };
        return (now, scope, entries);
    }

    /// <summary>The inputs in PATH order. Problems are reported here; they make the exit code 2 once the rest
    /// has been scanned. Null when S3 cannot even be set up (a usage error).</summary>
    private static (List<ScanInput> Inputs, bool Errors)? CollectInputs(ScanRequest request, CliIo io, ScanScope scope, ScanSummary summary, Func<ScanRequest, IS3Objects>? s3Factory)
    {
        var inputs = new List<ScanInput>();
        var local = new LocalInputs();
        var walker = new InputWalker(io.OpenStandardInput);
        var s3Listing = new S3Listing();
        IS3Objects? s3 = null;
        var listedLocations = new HashSet<string>(StringComparer.Ordinal);
        var listedObjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in request.Paths)
        {
            if (S3Location.TryParse(path, out var location))
            {
                try
                {
                    s3 ??= s3Factory?.Invoke(request) ?? CreateS3(request);
                }
                catch (AwsSetupException ex)
                {
                    io.Error.WriteLine($"lambdaguard scan: {ex.Message}");
                    return null;
                }

                if (!listedLocations.Add(location.ToString()))
                {
                    continue;
                }

                var before = s3Listing.Inputs.Count;
                new S3InputLister(s3, scope).ListAsync(location, s3Listing, CancellationToken.None).GetAwaiter().GetResult();
                inputs.AddRange(s3Listing.Inputs.Skip(before).Where(input => listedObjects.Add(input.Path)));
                continue;
            }

            var count = local.Inputs.Count;
            walker.Add(path, local);
            inputs.AddRange(local.Inputs.Skip(count));
        }

        foreach (var line in local.Missing.Select(path => $"{path}: no such file or folder").Concat(local.Errors).Concat(s3Listing.Errors).Concat(local.Skipped))
        {
            io.Error.WriteLine(line);
        }

        summary.ObjectsOutsideWindow = s3Listing.ObjectsOutsideWindow;
        summary.FoldersOutsideWindow = s3Listing.FoldersOutsideWindow;
        summary.SkippedEntries = local.Skipped.Count;
        summary.Counters.FileErrors += local.Errors.Count;
        return (inputs, local.Missing.Count > 0 || local.Errors.Count > 0 || !s3Listing.Errors.IsEmpty);
    }

    private static SdkS3Objects CreateS3(ScanRequest request) =>
        new(AwsClientFactory.Create(request.Aws).CreateS3());

    private static Option<string?> SeverityOption(string name, string description)
    {
        var option = new Option<string?>(name) { Description = $"{description} ({string.Join(", ", Enum.GetNames<Severity>())})" };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !Enum.TryParse<Severity>(value, ignoreCase: true, out _))
            {
                result.AddError($"{name} '{value}' is not a severity: use one of {string.Join(", ", Enum.GetNames<Severity>())}");
            }
        });
        return option;
    }

    private static Severity? ParseSeverity(string? value) => value is null ? null : Enum.Parse<Severity>(value, ignoreCase: true);
}
