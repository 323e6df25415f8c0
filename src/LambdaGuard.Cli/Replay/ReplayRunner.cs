using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Replay;

/// <summary><c>lambdaguard replay</c>: the function's <see cref="RecordProcessor"/> in-process over files, against
/// a real (or emulated) suppressions table, claims table and topic.</summary>
public static class ReplayRunner
{
    // Each record gets the budget of a generously configured function.
    private static readonly TimeSpan RecordBudget = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(ReplayRequest request, CliIo io, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(io);
        var region = request.Connection.ResolveRegion(request.TopicArn);
        SnsAlertPublisher publisher;
        try
        {
            publisher = new SnsAlertPublisher(new SnsPublisherOptions { TopicArn = request.TopicArn, ServiceUrl = request.Connection.SnsEndpoint });
        }
        catch (ArgumentException ex)
        {
            await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        using var dynamoDb = request.Connection.CreateDynamoDbClient(region);
        if (!await PrepareTablesAsync(request, dynamoDb, io, cancellationToken).ConfigureAwait(false))
        {
            return ExitCodes.UsageOrInputError;
        }

        var store = new DynamoDbSuppressionStore(dynamoDb, request.SuppressionsTable, problem => io.Error.WriteLine($"{request.SuppressionsTable}: {problem}"));
        var claims = new DynamoDbAlertClaims(dynamoDb, request.ClaimsTable);
        var processor = new RecordProcessor(
            new RecordProcessorOptions { Detector = request.Detector, ClaimLease = RecordBudget + TimeSpan.FromSeconds(10) },
            store,
            claims,
            publisher,
            io.Clock);

        var (files, missing) = InputFiles.Expand(request.Paths);
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
                await io.Out.WriteLineAsync(request.Jsonl ? ReplayOutput.JsonLine(outcome) : ReplayOutput.TableLine(outcome)).ConfigureAwait(false);
                if (!request.Jsonl)
                {
                    foreach (var warning in outcome.Warnings)
                    {
                        await io.Error.WriteLineAsync($"{outcome.Location}: warning: {warning}").ConfigureAwait(false);
                    }
                }
            }
        }

        var summary = tally.Describe(counters, clock.Elapsed);
        await (request.Jsonl ? io.Error : io.Out).WriteLineAsync(summary).ConfigureAwait(false);
        return missing.Count > 0 || counters.FileErrors > 0 || tally.Failed > 0 ? ExitCodes.UsageOrInputError : ExitCodes.Success;
    }

    /// <summary>Creates the tables with --create-table; otherwise checks they exist, so a mistyped name is a
    /// clear error rather than every alert going out "suppression check unavailable".</summary>
    private static async Task<bool> PrepareTablesAsync(ReplayRequest request, AmazonDynamoDBClient dynamoDb, CliIo io, CancellationToken cancellationToken)
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
