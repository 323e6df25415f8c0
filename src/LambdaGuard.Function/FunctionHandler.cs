using System.Runtime.InteropServices;
using System.Text.Json;
using LambdaGuard.Aws.DynamoDb.Streams;
using LambdaGuard.Core.Coverage;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Function.Composition;
using LambdaGuard.Function.Coverage;
using LambdaGuard.Function.Envelope;
using LambdaGuard.Function.Observability;
using LambdaGuard.Function.Settings;

namespace LambdaGuard.Function;

/// <summary>The Lambda entry point (<c>LambdaGuard.Function::LambdaGuard.Function.FunctionHandler::Handle</c>).
/// Bad content is logged, counted and never thrown for (a retry could not fix it); an alert that could not
/// be delivered is thrown for, so Lambda retries the event and finally keeps it in the on-failure
/// destination. See docs/function.md.</summary>
public class FunctionHandler
{
    private static readonly byte[] EmptyResponse = "{}"u8.ToArray();

    private readonly FunctionSettings settings;
    private readonly RecordProcessor processor;
    private readonly TimeProvider time;
    private readonly TelemetryWriter telemetry;
    private readonly FunctionLog log;
    private readonly CloudTrailReader reader = new();
    private readonly CoverageMonitor? coverage;

    /// <summary>The composition root: settings from the environment, AWS adapters, raw stdout for telemetry.</summary>
    /// <exception cref="FunctionSettingsException">An environment variable is missing or invalid.</exception>
    public FunctionHandler()
        : this(FunctionSettings.FromEnvironment(), new TelemetryWriter(Console.OpenStandardOutput()))
    {
    }

    internal FunctionHandler(
        FunctionSettings settings,
        ISuppressionSource suppressions,
        IAlertClaims claims,
        IAlertPublisher publisher,
        TimeProvider time,
        Stream telemetryOutput)
        : this(settings, new FunctionPorts(suppressions, claims, publisher), time, new TelemetryWriter(telemetryOutput), null)
    {
    }

    /// <param name="quietWindow">The spoke-coverage window (docs/organization.md).</param>
    internal FunctionHandler(
        FunctionSettings settings,
        ISuppressionSource suppressions,
        IAlertClaims claims,
        IAlertPublisher publisher,
        ISpokeSignals signals,
        TimeSpan quietWindow,
        TimeProvider time,
        Stream telemetryOutput)
        : this(settings, new FunctionPorts(suppressions, claims, publisher, signals), time, new TelemetryWriter(telemetryOutput), quietWindow)
    {
    }

    private FunctionHandler(FunctionSettings settings, TelemetryWriter telemetry)
        : this(settings, AwsPorts.Create(settings, SuppressionProblemLogger(telemetry), new FunctionLog(telemetry, TimeProvider.System)), TimeProvider.System, telemetry, settings.CoverageQuietWindow)
    {
    }

    private FunctionHandler(FunctionSettings settings, FunctionPorts ports, TimeProvider time, TelemetryWriter telemetry, TimeSpan? quietWindow)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(time);
        this.settings = settings;
        this.time = time;
        this.telemetry = telemetry;
        log = new FunctionLog(telemetry, time);
        processor = new RecordProcessor(settings.ToProcessorOptions(), ports.Suppressions, ports.Claims, ports.Publisher, time);
        if (quietWindow is { } window && ports.Signals is { } signals)
        {
            coverage = new CoverageMonitor(signals, ports.Publisher, window);
        }
    }

    public async Task<Stream> Handle(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var deadline = time.GetUtcNow() + settings.WorkBudget;
        var metrics = new InvocationMetrics();
        try
        {
            var payload = await ReadAllAsync(input).ConfigureAwait(false);
            var parsed = InvocationReader.Read(payload.Span);
            switch (parsed.Kind)
            {
                case InvocationKind.CloudTrailEvent:
                    await HandleCloudTrailAsync(parsed, metrics, deadline).ConfigureAwait(false);
                    return Response(EmptyResponse);

                case InvocationKind.ScheduledEvent:
                    // The hourly coverage check and the daily heartbeat are both scheduled events; only the heartbeat
                    // runs the end-to-end canary, so people's inboxes see one canary a day, not one an hour.
                    if (IsCoverageCheck(parsed))
                    {
                        await CheckCoverageAsync(parsed, deadline).ConfigureAwait(false);
                    }
                    else
                    {
                        await RunCanaryAsync(parsed, metrics, deadline).ConfigureAwait(false);
                    }

                    return Response(EmptyResponse);

                case InvocationKind.SpokeHeartbeat:
                    await RecordSpokeHeartbeatAsync(parsed).ConfigureAwait(false);
                    return Response(EmptyResponse);

                case InvocationKind.SuppressionStreamBatch:
                    return await HandleStreamAsync(parsed, metrics, deadline).ConfigureAwait(false);

                default:
                    metrics.AddMalformedInput();
                    log.Error("malformed input: not processed, not retried", parsed.Where, parsed.Problem);
                    return Response(EmptyResponse);
            }
        }
        finally
        {
            metrics.WriteTo(telemetry, time.GetUtcNow());
        }
    }

    /// <summary>The daily heartbeat proves the whole path, not just that the function can be invoked: Heartbeat
    /// is emitted only when the canary read the suppression table, claimed and marked its id and published.
    /// A failing canary is logged, counted and thrown for, so DetectorErrors alarms at once rather than
    /// HeartbeatMissing a day later.</summary>
    private async Task RunCanaryAsync(ParsedInvocation parsed, InvocationMetrics metrics, DateTimeOffset deadline)
    {
        var alertId = $"canary-{time.GetUtcNow():yyyyMMddTHHmmss}-{Guid.NewGuid():N}";
        var canary = await processor.RunCanaryAsync(alertId, deadline, CancellationToken.None).ConfigureAwait(false);
        if (canary.Passed)
        {
            metrics.AddHeartbeat();
            log.Info("heartbeat canary published", parsed.Where, $"alertId {canary.AlertId}, MessageId {canary.MessageId}");
            return;
        }

        metrics.AddCanaryFailure(canary.SuppressionsFailed, canary.ClaimsFailed);
        var problems = string.Join("; ", canary.Problems);
        log.Error("heartbeat canary failed", parsed.Where, $"alertId {canary.AlertId}: {problems}");
        throw new AlertDeliveryException($"{parsed.Where}: heartbeat canary failed: {problems}");
    }

    private async Task HandleCloudTrailAsync(ParsedInvocation parsed, InvocationMetrics metrics, DateTimeOffset deadline)
    {
        // The record's own bytes, as CloudTrail wrote them: the reader validates them like scan does, and an
        // alert id of a record without eventID hashes exactly these bytes.
        var detail = JsonMarshal.GetRawUtf8Value(parsed.Envelope!.Detail!.Value).ToArray();
        var counters = new ReadCounters();
        var failures = new List<RecordOutcome>();
        var seen = 0;
        foreach (var item in reader.Read(detail, parsed.Where, counters))
        {
            seen++;
            var outcome = await ProcessAsync(item, deadline).ConfigureAwait(false);
            if (outcome.RequiresRetry)
            {
                failures.Add(outcome);
            }
        }

        if (seen == 0)
        {
            // Another service's record: the rule should not send it, but it is no error either.
            var outcome = new RecordOutcome
            {
                Kind = RecordOutcomeKind.NoFinding,
                Location = new RecordLocation(parsed.Where, 0),
                Decision = DetectionDecision.NotLambda,
            };
            metrics.Add(outcome);
            log.Record(outcome);
        }

        if (failures.Count > 0)
        {
            throw new AlertDeliveryException(
                $"{parsed.Where}: alert not delivered, the event will be retried: " + string.Join("; ", failures.Select(f => f.Error)));
        }

        async Task<RecordOutcome> ProcessAsync(ReadItem item, DateTimeOffset until)
        {
            RecordOutcome outcome;
            try
            {
                outcome = await processor.ProcessAsync(item, until, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                log.Error("record processing failed unexpectedly; the event will be retried", item.Location.ToString(), ex.ToString());
                throw;
            }

            metrics.Add(outcome);
            log.Record(outcome);
            return outcome;
        }
    }

    private async Task RecordSpokeHeartbeatAsync(ParsedInvocation parsed)
    {
        var envelope = parsed.Envelope!;
        var where = $"{parsed.Where} from {envelope.Account}/{envelope.Region}";
        if (coverage is null)
        {
            log.Warn("spoke heartbeat ignored: coverage is not configured (" + CoverageWindow.Variable + ")", where);
            return;
        }

        await coverage.RecordHeartbeatAsync(envelope.Account!, envelope.Region!, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        log.Info("spoke heartbeat recorded", where);
    }

    private static bool IsCoverageCheck(ParsedInvocation parsed) =>
        parsed.Envelope?.Resources?.Any(arn => arn?.EndsWith(":rule/" + FunctionSettings.CoverageCheckRuleName, StringComparison.Ordinal) == true) == true;

    private async Task CheckCoverageAsync(ParsedInvocation parsed, DateTimeOffset deadline)
    {
        if (coverage is null)
        {
            return;
        }

        var result = await coverage.CheckAsync(time.GetUtcNow(), deadline, CancellationToken.None).ConfigureAwait(false);
        foreach (var (spoke, messageId) in result.Alerted)
        {
            log.Warn("quiet spoke alerted", $"{spoke.Account}/{spoke.Region}", $"last signal {spoke.LastSignalAt:O}, message {messageId}");
        }

        log.Info("coverage checked", parsed.Where, $"{result.Known} known, {result.Quiet} quiet, {result.Alerted.Count} alerted now");
        if (result.Failed.Count > 0)
        {
            throw new AlertDeliveryException(
                $"{parsed.Where}: quiet-spoke alert not delivered, the check will be retried: " +
                string.Join("; ", result.Failed.Select(f => $"{f.Spoke.Account}/{f.Spoke.Region}: {f.Error}")));
        }
    }

    private async Task<Stream> HandleStreamAsync(ParsedInvocation parsed, InvocationMetrics metrics, DateTimeOffset deadline)
    {
        var response = new BatchItemFailuresResponse();
        var records = parsed.Envelope!.Records!;
        for (var index = 0; index < records.Count; index++)
        {
            var read = SuppressionStreamReader.Read(records[index], index);
            var location = new RecordLocation(parsed.Where, index);
            foreach (var warning in read.Warnings)
            {
                log.Warn("suppression stream image read with problems", read.Where, warning);
            }

            RecordOutcome outcome;
            if (read.Change is not { } change)
            {
                outcome = new RecordOutcome { Kind = RecordOutcomeKind.Malformed, Location = location, Error = $"{read.Where}: {read.Problem}" };
            }
            else
            {
                var audit = SuppressionAuditor.Audit(change, time.GetUtcNow());
                outcome = await processor.ProcessAuditAsync(audit, location, deadline, CancellationToken.None).ConfigureAwait(false);
            }

            metrics.Add(outcome);
            log.Record(outcome);
            if (outcome.RequiresRetry)
            {
                if (read.SequenceNumber is not { Length: > 0 } sequence)
                {
                    throw new AlertDeliveryException($"{read.Where}: audit alert not delivered and the record has no SequenceNumber; retrying the whole batch: {outcome.Error}");
                }

                response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = sequence });
            }
        }

        return Response(JsonSerializer.SerializeToUtf8Bytes(response, EnvelopeJsonContext.Default.BatchItemFailuresResponse));
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream input)
    {
        if (input is MemoryStream memory && memory.TryGetBuffer(out var segment))
        {
            return segment.AsMemory((int)memory.Position);
        }

        using var copy = new MemoryStream();
        await input.CopyToAsync(copy).ConfigureAwait(false);
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

    private static MemoryStream Response(byte[] body) => new(body, writable: false);

    private static Action<Aws.DynamoDb.SuppressionItemProblem> SuppressionProblemLogger(TelemetryWriter telemetry)
    {
        var log = new FunctionLog(telemetry, TimeProvider.System);
        return problem => log.Warn("suppression entry read with problems", "suppressions table", problem.ToString());
    }
}
