using System.Globalization;
using LambdaGuard.Core.Actors;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Ports;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Core.Time;

namespace LambdaGuard.Core.Pipeline;

/// <summary>The detector's work for one record, shared by the Lambda handler and <c>lambdaguard replay</c>:
/// detect, check suppressions, claim the alert id, publish, record the publish. Talks to the world only
/// through the Core ports, so it runs against in-memory fakes, emulators or AWS alike. Never throws for a record's
/// content or for a delivery problem: the outcome says what happened and whether the event needs to be
/// delivered again. Process one record at a time per instance.</summary>
public sealed class RecordProcessor
{
    private readonly RecordProcessorOptions options;
    private readonly Detector detector;
    private readonly AlertBuilder alertBuilder;
    private readonly SuppressionCache suppressions;
    private readonly ISuppressionSource suppressionSource;
    private readonly IAlertClaims claims;
    private readonly IAlertPublisher publisher;
    private readonly TimeProvider time;

    public RecordProcessor(
        RecordProcessorOptions options,
        ISuppressionSource suppressions,
        IAlertClaims claims,
        IAlertPublisher publisher,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(suppressions);
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(publisher);
        if (options.ClaimLease <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ClaimLease, "ClaimLease must be positive.");
        }

        this.options = options;
        this.time = time ?? TimeProvider.System;
        detector = new Detector(options.Detector);
        alertBuilder = new AlertBuilder(options.Detector.MaxParameterBytes);
        suppressionSource = suppressions;
        this.suppressions = new SuppressionCache(suppressions, options.SuppressionCacheDuration, options.SuppressionRetryAfterFailure, this.time);
        this.claims = claims;
        this.publisher = publisher;
    }

    /// <summary>A record or a problem as <see cref="CloudTrailReader"/> hands them out.</summary>
    public Task<RecordOutcome> ProcessAsync(ReadItem item, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Kind == ReadItemKind.LambdaRecord && item.Record is { } record)
        {
            return ProcessAsync(record, item.Location, deadline, cancellationToken);
        }

        return Task.FromResult(new RecordOutcome
        {
            Kind = RecordOutcomeKind.Malformed,
            Location = item.Location,
            Error = item.Message ?? "the record cannot be read",
        });
    }

    /// <param name="deadline">No publish is started at or after this time; the outcome then asks for a retry.</param>
    public async Task<RecordOutcome> ProcessAsync(CloudTrailRecord record, RecordLocation location, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var now = time.GetUtcNow();
        var result = detector.Detect(record, location);
        var outcome = new RecordOutcome
        {
            Kind = RecordOutcomeKind.NoFinding,
            Location = location,
            Decision = result.Decision,
            EventId = record.EventId,
            Api = result.Api,
            ActorClass = result.Actor?.Class,
            LagSeconds = LagSeconds(record.EventTime, now),
            FailedCall = result.Decision == DetectionDecision.FailedCall || result.Finding?.FailedAttempt == true,
        };
        if (result.Finding is not { } finding)
        {
            return outcome;
        }

        outcome = outcome with
        {
            RuleId = finding.RuleId,
            Severity = finding.Severity,
            FunctionName = finding.Target.FunctionName,
            AlertId = AlertIds.For(finding),
        };

        var warnings = new List<string>();
        var check = SuppressionCheck.NotApplicable;
        string? checkError = null;
        if (finding.Rule.Suppressible)
        {
            // The lookup may not eat the time needed to claim and publish: fail open after its budget.
            var left = deadline - options.MarkPublishedReserve - time.GetUtcNow();
            var snapshot = await suppressions.GetAsync(CallBudget.Min(options.SuppressionBudget, left), cancellationToken).ConfigureAwait(false);
            if (snapshot.Entries is { } entries)
            {
                if (SuppressionMatcher.FindMatch(finding, entries, now) is { } match)
                {
                    return outcome with { Kind = RecordOutcomeKind.Suppressed, SuppressionId = match.Id, SuppressionCheck = SuppressionCheck.Checked };
                }

                check = SuppressionCheck.Checked;
            }
            else
            {
                check = SuppressionCheck.Unavailable;
                checkError = snapshot.Error;
                warnings.Add($"suppression list unavailable, alert sent unchecked: {snapshot.Error}");
            }
        }

        var message = alertBuilder.Build(finding, now, check, checkError);
        return await DeliverAsync(message, outcome with { SuppressionCheck = check }, warnings, deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An LG011 audit of a suppression-list change (never suppressible).</summary>
    public async Task<RecordOutcome> ProcessAuditAsync(SuppressionAudit audit, RecordLocation location, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var now = time.GetUtcNow();
        var message = AuditAlertBuilder.Build(audit, now);
        var outcome = new RecordOutcome
        {
            Kind = RecordOutcomeKind.NoFinding,
            Location = location,
            Decision = DetectionDecision.Finding,
            EventId = audit.Change.EventId,
            Api = message.Attributes.TryGetValue("api", out var api) ? api : null,
            RuleId = SuppressionAuditor.Rule.Id,
            Severity = audit.Severity,
            ActorClass = ActorClass.Unknown,
            AlertId = message.AlertId,
            SuppressionCheck = SuppressionCheck.NotApplicable,
            LagSeconds = audit.Change.ChangedAt is { } changedAt ? Math.Max(0, (now - changedAt).TotalSeconds) : null,
        };
        return await DeliverAsync(message, outcome, [], deadline, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The heartbeat's end-to-end check: reads the suppression table (not the cache), claims
    /// <paramref name="alertId"/>, publishes the canary message and marks it published, each step within its
    /// budget. Every failing step is reported; the publish is tried even when a table step failed, so the
    /// outcome says exactly which part of the path is broken.</summary>
    public async Task<CanaryOutcome> RunCanaryAsync(string alertId, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(alertId);
        var problems = new List<string>();
        var publishBy = deadline - options.MarkPublishedReserve;
        bool suppressionsFailed = false, claimsFailed = false;

        async Task<T?> StepAsync<T>(string what, Func<CancellationToken, Task<T>> call, TimeSpan budget, Action? failed = null)
        {
            try
            {
                return await CallBudget.RunAsync(call, budget, what, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                problems.Add($"{what} failed: {ex.GetType().Name}: {ex.Message}");
                failed?.Invoke();
                return default;
            }
        }

        await StepAsync("suppression table read", suppressionSource.LoadAsync, CallBudget.Min(options.SuppressionBudget, publishBy - time.GetUtcNow()), () => suppressionsFailed = true).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var claim = await StepAsync("claim", t => claims.TryClaimAsync(alertId, now, options.ClaimLease, t), CallBudget.Min(options.ClaimBudget, publishBy - now), () => claimsFailed = true).ConfigureAwait(false);
        if (claim is not null && claim.Status != ClaimStatus.Claimed)
        {
            problems.Add($"claim failed: the canary id {alertId} is already {claim.Status}");
            claimsFailed = true;
        }

        var message = CanaryMessage.Create(alertId, time.GetUtcNow());
        var messageId = await StepAsync("publish", t => publisher.PublishAsync(message, publishBy, t), deadline - time.GetUtcNow()).ConfigureAwait(false);
        if (messageId is not null && claim is { Status: ClaimStatus.Claimed, ClaimToken: { } token })
        {
            var markedAt = time.GetUtcNow();
            await StepAsync(
                "mark published",
                async t =>
                {
                    await claims.MarkPublishedAsync(alertId, token, messageId, markedAt, t).ConfigureAwait(false);
                    return true;
                },
                ClaimCallBudget(deadline),
                () => claimsFailed = true).ConfigureAwait(false);
        }

        return new CanaryOutcome(alertId, messageId, problems) { SuppressionsFailed = suppressionsFailed, ClaimsFailed = claimsFailed };
    }

    private async Task<RecordOutcome> DeliverAsync(
        AlertMessage message, RecordOutcome outcome, List<string> warnings, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        // Publishing stops early enough to leave time for marking the claim (or releasing it).
        var publishBy = deadline - options.MarkPublishedReserve;
        var now = time.GetUtcNow();
        if (now >= publishBy)
        {
            // Claiming now would only block the retry behind a lease.
            return outcome with { Kind = RecordOutcomeKind.PublishFailed, Error = "no time left in this invocation to publish", Warnings = warnings };
        }

        ClaimOutcome? claim = null;
        var claimsUnavailable = false;
        try
        {
            claim = await CallBudget.RunAsync(
                token => claims.TryClaimAsync(message.AlertId, now, options.ClaimLease, token),
                CallBudget.Min(options.ClaimBudget, publishBy - now),
                "alert claim",
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An outage of the claims table must not hide an alert: send it, at the risk of a duplicate.
            claimsUnavailable = true;
            warnings.Add($"alert claims unavailable, published without the duplicate check (at-least-once; subscribers dedupe on alertId): {ex.GetType().Name}: {ex.Message}");
        }

        outcome = outcome with { ClaimsUnavailable = claimsUnavailable };
        switch (claim?.Status)
        {
            case ClaimStatus.AlreadyPublished:
                return outcome with { Kind = RecordOutcomeKind.Duplicate, MessageId = claim.MessageId, Warnings = warnings };
            case ClaimStatus.InProgress:
                var until = claim.LeaseUntil is { } lease ? lease.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) : "an unknown time";
                return outcome with
                {
                    Kind = RecordOutcomeKind.InProgress,
                    Error = $"another delivery holds the claim on alert {message.AlertId} until {until}; retry later",
                    Warnings = warnings,
                };
        }

        var held = claim is { Status: ClaimStatus.Claimed, ClaimToken: { } claimToken } ? claimToken : null;
        string messageId;
        try
        {
            messageId = await CallBudget.RunAsync(
                token => publisher.PublishAsync(message, publishBy, token),
                deadline - time.GetUtcNow(),
                "publish",
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (held is not null)
            {
                await ReleaseAsync(message.AlertId, held, deadline, warnings, cancellationToken).ConfigureAwait(false);
            }

            return outcome with { Kind = RecordOutcomeKind.PublishFailed, Error = $"publish failed: {ex.Message}", Warnings = warnings };
        }

        if (held is not null)
        {
            try
            {
                var markedAt = time.GetUtcNow();
                await CallBudget.RunAsync(
                    token => claims.MarkPublishedAsync(message.AlertId, held, messageId, markedAt, token),
                    ClaimCallBudget(deadline),
                    "mark published",
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The alert is out; failing now would only make the retry publish it again.
                outcome = outcome with { ClaimsUnavailable = true };
                warnings.Add($"published, but the claim was not marked PUBLISHED (a redelivery after the lease may publish again; subscribers dedupe on alertId): {ex.GetType().Name}: {ex.Message}");
            }
        }

        return outcome with { Kind = RecordOutcomeKind.Published, MessageId = messageId, Warnings = warnings };
    }

    /// <summary>After a failed publish: give the claim back so the retry need not wait out the lease.</summary>
    private async Task ReleaseAsync(string alertId, string claimToken, DateTimeOffset deadline, List<string> warnings, CancellationToken cancellationToken)
    {
        try
        {
            var released = await CallBudget.RunAsync(
                token => claims.ReleaseAsync(alertId, claimToken, token),
                ClaimCallBudget(deadline),
                "claim release",
                cancellationToken).ConfigureAwait(false);
            if (!released)
            {
                warnings.Add("claim not released: another delivery holds or published it");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            warnings.Add($"claim not released, a retry waits until its lease ends: {ex.GetType().Name}: {ex.Message}");
        }
    }

    // The reserve before the deadline is the floor: it exists for exactly these calls.
    private TimeSpan ClaimCallBudget(DateTimeOffset deadline)
    {
        var left = deadline - time.GetUtcNow();
        return CallBudget.Min(options.ClaimBudget, left > options.MarkPublishedReserve ? left : options.MarkPublishedReserve);
    }

    private static double? LagSeconds(string? eventTime, DateTimeOffset now) =>
        IsoTime.TryParseEventTime(eventTime, out var at)
            ? Math.Round((now - at).TotalSeconds, 3)
            : null;
}
