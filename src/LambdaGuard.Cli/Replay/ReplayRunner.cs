using System.Diagnostics;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Aws.DynamoDb.Streams;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Replay;

/// <summary><c>lambdaguard replay</c>: Core's <see cref="RecordProcessor"/>, as the function runs it, in-process
/// over files against a real (or emulated) suppressions table, claims table and topic. Every message the stack's
/// failure queues and bucket can hold is recognised (<see cref="FailureMessageClassifier"/>): what can be
/// redriven is, the rest is reported by name and makes the exit code 2.</summary>
public static class ReplayRunner
{
    /// <summary>The default budget of one DynamoDB call (suppression lookup, claim), as in the function.</summary>
    public static readonly TimeSpan DefaultCallBudget = TimeSpan.FromSeconds(2);

    // Each record gets the budget of a generously configured function.
    private static readonly TimeSpan RecordBudget = TimeSpan.FromSeconds(30);

    // Failure messages and objects are small (SQS: 256 KB; a batch of 25 stream records); bigger files are trail archives.
    private const long ClassifiableFileBytes = 16 * 1024 * 1024;

    public static async Task<int> RunAsync(ReplayRequest request, CliIo io, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(io);
        AwsClientFactory factory;
        SnsAlertPublisher publisher;
        IAmazonDynamoDB dynamoDb;
        var budget = request.CallBudget ?? DefaultCallBudget;
        try
        {
            factory = AwsClientFactory.Create(request.Connection, fallbackRegion: TopicRegion.Of(request.TopicArn));
            publisher = factory.CreateAlertPublisher(request.TopicArn);

            // The SDK must not out-wait the pipeline's budget: one retry, each attempt bounded by it.
            dynamoDb = factory.CreateDynamoDb(budget, maxErrorRetry: 1);
        }
        catch (Exception ex) when (ex is ArgumentException or AwsSetupException)
        {
            await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }

        using (dynamoDb)
        {
            if (await PrepareTablesAsync(request, dynamoDb, budget, io, cancellationToken).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }

            var ports = new ReplayPorts(
                new DynamoDbSuppressionStore(dynamoDb, request.SuppressionsTable, problem => io.Error.WriteLine($"{request.SuppressionsTable}: {problem}")),
                new DynamoDbAlertClaims(dynamoDb, request.ClaimsTable),
                publisher,
                TopicPublisher: arn => factory.CreateAlertPublisher(arn),
                TamperTopicArn: request.TamperTopicArn,
                AlertTopicArn: request.TopicArn,
                ReadObject: (uri, token) => ReadS3ObjectAsync(factory, uri, token));
            var options = new RecordProcessorOptions
            {
                Detector = request.Detector,
                ClaimLease = RecordBudget + TimeSpan.FromSeconds(10),
                SuppressionBudget = budget,
                ClaimBudget = budget,
            };
            return await ProcessAsync(request.Paths, options, request.Jsonl, ports, io, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs every record of <paramref name="paths"/> through the pipeline and prints one line each.</summary>
    /// <returns>3 when an alert could not be delivered, else 2 when a path is missing, a file unreadable or a
    /// message cannot be redriven, else 0.</returns>
    public static Task<int> ProcessAsync(
        IReadOnlyList<string> paths, DetectorSettings detector, bool jsonl, ReplayPorts ports, CliIo io, CancellationToken cancellationToken) =>
        ProcessAsync(paths, new RecordProcessorOptions { Detector = detector, ClaimLease = RecordBudget + TimeSpan.FromSeconds(10) }, jsonl, ports, io, cancellationToken);

    public static async Task<int> ProcessAsync(
        IReadOnlyList<string> paths, RecordProcessorOptions options, bool jsonl, ReplayPorts ports, CliIo io, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(io);
        var run = new Run(new RecordProcessor(options, ports.Suppressions, ports.Claims, ports.Publisher, io.Clock), ports, io, jsonl, cancellationToken);
        var clock = Stopwatch.StartNew();

        var objects = paths.Where(p => p.StartsWith("s3://", StringComparison.Ordinal)).ToList();
        var (files, missing) = InputFiles.Expand(paths.Where(p => !p.StartsWith("s3://", StringComparison.Ordinal)));
        foreach (var path in missing)
        {
            await io.Error.WriteLineAsync($"{path}: no such file or folder").ConfigureAwait(false);
        }

        foreach (var file in files)
        {
            await run.FileAsync(file).ConfigureAwait(false);
        }

        foreach (var uri in objects)
        {
            await run.ObjectAsync(uri, uri).ConfigureAwait(false);
        }

        var summary = run.Tally.Describe(run.Counters, clock.Elapsed);
        await (jsonl ? io.Error : io.Out).WriteLineAsync(summary).ConfigureAwait(false);
        return run.Tally.Failed > 0 ? ExitCodes.AwsError
            : missing.Count > 0 || run.Counters.FileErrors > 0 || run.Tally.NotRedriven > 0 ? ExitCodes.UsageOrInputError
            : ExitCodes.Success;
    }

    private static async Task<byte[]> ReadS3ObjectAsync(AwsClientFactory factory, Uri uri, CancellationToken cancellationToken)
    {
        using var s3 = factory.CreateS3();
        using var response = await s3.GetObjectAsync(uri.Host, Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')), cancellationToken).ConfigureAwait(false);
        using var copy = new MemoryStream();
        await response.ResponseStream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return copy.ToArray();
    }

    /// <summary>Creates the tables with --create-table; otherwise checks they exist, so a mistyped name is a
    /// clear error (exit 2) rather than every alert going out "suppression check unavailable".</summary>
    /// <returns>Null to go on, else the exit code.</returns>
    private static async Task<int?> PrepareTablesAsync(ReplayRequest request, IAmazonDynamoDB dynamoDb, TimeSpan budget, CliIo io, CancellationToken cancellationToken)
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

                return null;
            }

            foreach (var table in new[] { request.SuppressionsTable, request.ClaimsTable })
            {
                // Bounded like every other call: a table endpoint that never answers degrades, it does not hang.
                using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                limit.CancelAfter(budget * 2);
                await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = table }, limit.Token).WaitAsync(limit.Token).ConfigureAwait(false);
            }

            return null;
        }
        catch (ResourceNotFoundException ex)
        {
            await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message} (check --table/--claims-table and --region; use --create-table to create the tables for a local rehearsal)").ConfigureAwait(false);
            return ExitCodes.UsageOrInputError;
        }
        catch (InvalidOperationException ex)
        {
            await io.Error.WriteLineAsync($"lambdaguard replay: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.AwsError;
        }
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (request.CreateTables)
            {
                await io.Error.WriteLineAsync($"lambdaguard replay: cannot create the tables: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.AwsError;
            }

            // Like the function: an unreachable table degrades (alerts go out marked unchecked), it does not stop.
            var why = ex is OperationCanceledException ? "no answer in time" : ex.Message;
            await io.Error.WriteLineAsync($"lambdaguard replay: warning: cannot check the tables ({why}); alerts will be sent without the suppression and duplicate checks").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>One replay: the processor, the counters and the output, over files, objects and messages.</summary>
    private sealed class Run(RecordProcessor processor, ReplayPorts ports, CliIo io, bool jsonl, CancellationToken cancellationToken)
    {
        private readonly CloudTrailReader reader = new();

        public ReadCounters Counters { get; } = new();

        public ReplayTally Tally { get; } = new();

        public async Task FileAsync(string file)
        {
            if (await TryReadSmallJsonAsync(file).ConfigureAwait(false) is { } content)
            {
                if (FailureMessageClassifier.Classify(content, file) is not { } messages)
                {
                    // Already in memory: read as detector input without opening the file a second time.
                    await DetectorInputAsync(content, file).ConfigureAwait(false);
                    return;
                }

                Counters.Files++;
                foreach (var message in messages)
                {
                    await MessageAsync(message, nested: false).ConfigureAwait(false);
                }

                return;
            }

            var recordsBefore = Counters.Records;
            var errorsBefore = Counters.FileErrors;
            foreach (var item in InputFiles.Read(reader, file, Counters))
            {
                await ItemAsync(item).ConfigureAwait(false);
            }

            await NothingReadAsync(file, recordsBefore, errorsBefore).ConfigureAwait(false);
        }

        public async Task ObjectAsync(string uri, string where)
        {
            byte[] content;
            try
            {
                if (ports.ReadObject is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
                {
                    await NotRedrivenAsync(where, $"cannot read {uri} here; download it (aws s3 cp {uri} .) and replay the file").ConfigureAwait(false);
                    return;
                }

                content = await ports.ReadObject(parsed, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await NotRedrivenAsync(where, $"cannot read {uri}: {ex.Message}").ConfigureAwait(false);
                return;
            }

            Counters.Files++;
            if (FailureMessageClassifier.Classify(content, uri) is { } messages)
            {
                foreach (var message in messages)
                {
                    await MessageAsync(message, nested: true).ConfigureAwait(false);
                }

                return;
            }

            await DetectorInputAsync(content, uri).ConfigureAwait(false);
        }

        private async Task MessageAsync(FailureMessage message, bool nested)
        {
            switch (message.Kind)
            {
                case FailureMessageKind.DetectorInput:
                    await DetectorInputAsync(message.Body, message.Where).ConfigureAwait(false);
                    break;
                case FailureMessageKind.StreamBatch:
                    await StreamBatchAsync(message).ConfigureAwait(false);
                    break;
                case FailureMessageKind.TamperEvent:
                    await TamperAsync(message).ConfigureAwait(false);
                    break;
                case FailureMessageKind.AuditFailureNotice when !nested:
                    await ObjectAsync(message.Detail!, message.Where).ConfigureAwait(false);
                    break;
                case FailureMessageKind.Heartbeat:
                    Tally.AddSkipped();
                    await io.Out.WriteLineAsync(ReplayOutput.MessageLine("skipped", message.Where, null, message.Detail, jsonl)).ConfigureAwait(false);
                    break;
                default:
                    await NotRedrivenAsync(message.Where, $"{Name(message.Kind)}: {message.Detail}").ConfigureAwait(false);
                    break;
            }
        }

        private async Task DetectorInputAsync(ReadOnlyMemory<byte> body, string where)
        {
            var recordsBefore = Counters.Records;
            var errorsBefore = Counters.FileErrors;
            foreach (var item in reader.Read(body, where, Counters))
            {
                await ItemAsync(item).ConfigureAwait(false);
            }

            await NothingReadAsync(where, recordsBefore, errorsBefore).ConfigureAwait(false);
        }

        private async Task StreamBatchAsync(FailureMessage message)
        {
            List<StreamRecord?>? records = null;
            try
            {
                using var document = JsonDocument.Parse(message.Body);
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("Records", out var array) && array.ValueKind == JsonValueKind.Array)
                {
                    records = array.Deserialize(StreamJsonContext.Default.ListStreamRecord);
                }
            }
            catch (JsonException)
            {
            }

            if (records is null)
            {
                await NotRedrivenAsync(message.Where, $"audit-failure batch of {message.Detail}: the payload is not a stream event with Records").ConfigureAwait(false);
                return;
            }

            for (var index = 0; index < records.Count; index++)
            {
                Counters.Records++;
                var read = SuppressionStreamReader.Read(records[index], index);
                var location = new RecordLocation(message.Where, index);
                foreach (var warning in read.Warnings)
                {
                    await io.Error.WriteLineAsync($"{location}: warning: {warning}").ConfigureAwait(false);
                }

                var outcome = read.Change is { } change
                    ? await processor.ProcessAuditAsync(SuppressionAuditor.Audit(change, io.Clock.GetUtcNow()), location, io.Clock.GetUtcNow() + RecordBudget, cancellationToken).ConfigureAwait(false)
                    : new RecordOutcome { Kind = RecordOutcomeKind.Malformed, Location = location, Error = $"{read.Where}: {read.Problem}" };
                await OutcomeAsync(outcome).ConfigureAwait(false);
            }
        }

        private async Task TamperAsync(FailureMessage message)
        {
            var topic = ports.TamperTopicArn ?? message.TargetTopicArn ?? ports.AlertTopicArn;
            if (ports.TopicPublisher is null || topic is null)
            {
                await NotRedrivenAsync(message.Where, $"tamper event {message.Detail}: no topic to republish it to (pass --tamper-topic-arn)").ConfigureAwait(false);
                return;
            }

            // Unchanged: every protocol gets the event exactly as the queue kept it.
            var envelope = DefaultOnly(System.Text.Encoding.UTF8.GetString(message.Body.Span));
            var alert = new AlertMessage($"tamper-redrive:{message.Where}", string.Empty, envelope, new Dictionary<string, string>());
            try
            {
                var messageId = await ports.TopicPublisher(topic).PublishAsync(alert, io.Clock.GetUtcNow() + RecordBudget, cancellationToken).ConfigureAwait(false);
                Tally.AddRepublished();
                await io.Out.WriteLineAsync(ReplayOutput.MessageLine("republished", message.Where, messageId, $"tamper event {message.Detail} to {topic}", jsonl)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Tally.Add(new RecordOutcome { Kind = RecordOutcomeKind.PublishFailed, Location = new RecordLocation(message.Where, 0), Error = ex.Message });
                await io.Out.WriteLineAsync(ReplayOutput.MessageLine(jsonl ? "failed" : "FAILED", message.Where, null, $"tamper event {message.Detail} to {topic}: {ex.Message}", jsonl)).ConfigureAwait(false);
            }
        }

        // MessageStructure=json with only "default": every protocol receives the text itself.
        private static string DefaultOnly(string text)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("default", text);
                json.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }

        private async Task ItemAsync(ReadItem item)
        {
            if (item.Kind == ReadItemKind.FileError)
            {
                await io.Error.WriteLineAsync($"{item.Location.Path}: {item.Message}").ConfigureAwait(false);
                return;
            }

            var outcome = await processor.ProcessAsync(item, io.Clock.GetUtcNow() + RecordBudget, cancellationToken).ConfigureAwait(false);
            await OutcomeAsync(outcome).ConfigureAwait(false);
        }

        private async Task OutcomeAsync(RecordOutcome outcome)
        {
            Tally.Add(outcome);
            await io.Out.WriteLineAsync(jsonl ? ReplayOutput.JsonLine(outcome) : ReplayOutput.TableLine(outcome)).ConfigureAwait(false);
            if (!jsonl)
            {
                foreach (var warning in outcome.Warnings)
                {
                    await io.Error.WriteLineAsync($"{outcome.Location}: warning: {warning}").ConfigureAwait(false);
                }
            }
        }

        // "0 records" is never a success: a file that yields nothing to judge is named.
        private async Task NothingReadAsync(string where, long recordsBefore, long errorsBefore)
        {
            if (Counters.Records == recordsBefore && Counters.FileErrors == errorsBefore)
            {
                await NotRedrivenAsync(where, "no record replay can redrive (not a CloudTrail file or event, an on-failure record, a failure-queue message or an audit-failure object)").ConfigureAwait(false);
            }
        }

        private async Task NotRedrivenAsync(string where, string why)
        {
            Tally.AddNotRedriven();
            await io.Out.WriteLineAsync(ReplayOutput.MessageLine("not-redriven", where, null, why, jsonl)).ConfigureAwait(false);
        }

        private static string Name(FailureMessageKind kind) => kind switch
        {
            FailureMessageKind.PayloadDropped => "payload dropped",
            FailureMessageKind.StreamBatchPointer => "stream batch pointer",
            FailureMessageKind.AuditFailureNotice => "audit-failure notice inside an object",
            _ => "not a LambdaGuard message",
        };

        private static async Task<byte[]?> TryReadSmallJsonAsync(string file)
        {
            try
            {
                var info = new FileInfo(file);
                if (!info.Exists || info.Length is 0 or > ClassifiableFileBytes)
                {
                    return null;
                }

                var bytes = await File.ReadAllBytesAsync(file).ConfigureAwait(false);
                var first = bytes.AsSpan().TrimStart(" \t\r\n\uFEFF"u8);
                return first.Length > 0 && first[0] == (byte)'{' ? bytes : null;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The reader opens it again and reports the problem like scan does.
                return null;
            }
        }
    }
}
