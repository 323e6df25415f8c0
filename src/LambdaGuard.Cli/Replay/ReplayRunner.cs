using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Replay;

/// <summary><c>lambdaguard replay</c>: Core's <see cref="RecordProcessor"/>, as the function runs it, in-process
/// over files against a real (or emulated) suppressions table, claims table and topic.</summary>
public static class ReplayRunner
{
    // Each record gets the budget of a generously configured function.
    private static readonly TimeSpan RecordBudget = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(ReplayRequest request, CliIo io, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(io);
        AwsClientFactory factory;
        SnsAlertPublisher publisher;
        try
        {
            factory = AwsClientFactory.Create(request.Connection, fallbackRegion: TopicRegion.Of(request.TopicArn));
            publisher = factory.CreateAlertPublisher(request.TopicArn);
        }
        catch (Exception ex) when (ex is ArgumentException or AwsSetupException)
        {
            await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        IAmazonDynamoDB dynamoDb;
        try
        {
            dynamoDb = factory.CreateDynamoDb();
        }
        catch (AwsSetupException ex)
        {
            await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        using (dynamoDb)
        {
            if (!await PrepareTablesAsync(request, dynamoDb, io, cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.AwsError;
            }

            var ports = new ReplayPorts(
                new DynamoDbSuppressionStore(dynamoDb, request.SuppressionsTable, problem => io.Error.WriteLine($"{request.SuppressionsTable}: {problem}")),
                new DynamoDbAlertClaims(dynamoDb, request.ClaimsTable),
                publisher);
            return await ProcessAsync(request.Paths, request.Detector, request.Jsonl, ports, io, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs every record of <paramref name="paths"/> through the pipeline and prints one line each.</summary>
    /// <returns>3 when an alert could not be delivered, else 2 when a path is missing or a file unreadable, else 0.</returns>
    public static async Task<int> ProcessAsync(
        IReadOnlyList<string> paths, DetectorSettings detector, bool jsonl, ReplayPorts ports, CliIo io, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(io);
        var processor = new RecordProcessor(
            new RecordProcessorOptions { Detector = detector, ClaimLease = RecordBudget + TimeSpan.FromSeconds(10) },
            ports.Suppressions,
            ports.Claims,
            ports.Publisher,
            io.Clock);

        var (files, missing) = InputFiles.Expand(paths);
        foreach (var path in missing)
        {
            await io.Error.WriteLineAsync($"{path}: no such file or folder").ConfigureAwait(false);
        }

        var reader = new CloudTrailReader();
        var counters = new ReadCounters();
        var tally = new ReplayTally();
        var clock = Stopwatch.StartNew();
        foreach (var file in files)
        {
            foreach (var item in InputFiles.Read(reader, file, counters))
            {
                if (item.Kind == ReadItemKind.FileError)
                {
                    await io.Error.WriteLineAsync($"{item.Location.Path}: {item.Message}").ConfigureAwait(false);
                    continue;
                }

                var outcome = await processor.ProcessAsync(item, io.Clock.GetUtcNow() + RecordBudget, cancellationToken).ConfigureAwait(false);
                tally.Add(outcome);
                await io.Out.WriteLineAsync(jsonl ? ReplayOutput.JsonLine(outcome) : ReplayOutput.TableLine(outcome)).ConfigureAwait(false);
                if (!jsonl)
                {
                    foreach (var warning in outcome.Warnings)
                    {
                        await io.Error.WriteLineAsync($"{outcome.Location}: warning: {warning}").ConfigureAwait(false);
                    }
                }
            }
        }

        var summary = tally.Describe(counters, clock.Elapsed);
        await (jsonl ? io.Error : io.Out).WriteLineAsync(summary).ConfigureAwait(false);
        return tally.Failed > 0 ? ExitCodes.AwsError
            : missing.Count > 0 || counters.FileErrors > 0 ? ExitCodes.UsageOrInputError
            : ExitCodes.Success;
    }

    /// <summary>Creates the tables with --create-table; otherwise checks they exist, so a mistyped name is a
    /// clear error rather than every alert going out "suppression check unavailable".</summary>
    private static async Task<bool> PrepareTablesAsync(ReplayRequest request, IAmazonDynamoDB dynamoDb, CliIo io, CancellationToken cancellationToken)
    {
        try
        {
            if (request.CreateTables)
            {
                foreach (var result in new[]
                {
                    await LambdaGuardTables.EnsureSuppressionsTableAsync(dynamoDb, request.SuppressionsTable, cancellationToken).ConfigureAwait(false),
                    await LambdaGuardTables.EnsureAlertClaimsTableAsync(dynamoDb, request.ClaimsTable, cancellationToken).ConfigureAwait(false),
                })
                {
                    await io.Error.WriteLineAsync($"table {result.TableName}: {(result.Created ? "created" : "exists")}{(result.Note is null ? string.Empty : $" ({result.Note})")}").ConfigureAwait(false);
                }

                return true;
            }

            foreach (var table in new[] { request.SuppressionsTable, request.ClaimsTable })
            {
                await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (ResourceNotFoundException ex)
        {
            await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message} (use --create-table to create the tables for a local rehearsal)").ConfigureAwait(false);
            return false;
        }
        catch (InvalidOperationException ex)
        {
            await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message}").ConfigureAwait(false);
            return false;
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException)
        {
            if (request.CreateTables)
            {
                await io.Error.WriteLineAsync($"lambdaguard replay: cannot create the tables: {ex.Message}").ConfigureAwait(false);
                return false;
            }

            // Like the function: an unreachable table degrades (alerts go out marked unchecked), it does not stop.
            await io.Error.WriteLineAsync($"lambdaguard replay: warning: cannot check the tables ({ex.Message}); alerts will be sent without the suppression and duplicate checks").ConfigureAwait(false);
            return true;
        }
    }
}
