using System.Net;
using Amazon.Runtime;
using LambdaGuard.Aws.Signing;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Ports;

namespace LambdaGuard.Aws.Sns;

/// <summary>Publishes alerts with SNS Publish over the Query protocol, signed with SigV4 (AWSSDK.Core's signer),
/// because the SNS SDK package is not available to the function. See docs/sns-publishing.md.</summary>
public sealed class SnsAlertPublisher : IAlertPublisher
{
    private const string SigningService = "sns";

    private static readonly HashSet<string> TransientErrorCodes = new(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "RequestThrottled",
        "RequestThrottledException",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "KMSThrottling",
        "ServiceUnavailable",
        "InternalError",
        "InternalFailure",

        // Credentials are resolved again for the next attempt, and rotated ones then succeed.
        "ExpiredToken",
        "ExpiredTokenException",
        "RequestExpired",
    };

    private readonly SnsPublisherOptions options;
    private readonly SnsTopicArn topic;
    private readonly Uri endpoint;
    private readonly HttpClient httpClient;
    private readonly TimeProvider timeProvider;

    public SnsAlertPublisher(SnsPublisherOptions options)
        : this(options, handler: null, timeProvider: null)
    {
    }

    /// <param name="handler">For tests: the transport to use instead of the shared client's.</param>
    /// <param name="timeProvider">Clock for the retry budget and the waits between attempts.</param>
    public SnsAlertPublisher(SnsPublisherOptions options, HttpMessageHandler? handler, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        topic = SnsTopicArn.Parse(options.TopicArn);
        endpoint = options.ServiceUrl ?? topic.DefaultEndpoint();
        httpClient = AwsHttp.Client(handler);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    public string TopicArn => topic.Arn;

    public Uri Endpoint => endpoint;

    /// <summary>Source of the backoff jitter in [0, 1); replaceable so tests can pin the waits.</summary>
    internal Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    public Task<string> PublishAsync(AlertMessage message, CancellationToken cancellationToken) =>
        PublishAsync(message, deadline: null, cancellationToken);

    /// <param name="deadline">An absolute limit (e.g. the invocation's end minus a safety margin) on top of
    /// <see cref="SnsPublisherOptions.RetryBudget"/>; whichever comes first ends the retries.</param>
    public async Task<string> PublishAsync(AlertMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);

        var body = SnsQueryProtocol.EncodeForm(SnsQueryProtocol.PublishParameters(topic.Arn, message));
        var budgetEnd = timeProvider.GetUtcNow() + options.RetryBudget;
        var end = deadline is { } limit && limit < budgetEnd ? limit : budgetEnd;

        AttemptFailure? lastFailure = null;
        for (var attempt = 1; ; attempt++)
        {
            var remaining = end - timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                throw OutOfTime(message, lastFailure, attempt - 1);
            }

            var outcome = await SendOnceAsync(body, Min(remaining, options.AttemptTimeout), cancellationToken).ConfigureAwait(false);
            if (outcome.MessageId is { } messageId)
            {
                return messageId;
            }

            lastFailure = outcome.Failure!;
            if (!lastFailure.IsTransient)
            {
                throw new SnsPublishException(
                    $"SNS rejected the alert {message.AlertId} for topic {topic.Arn}: {lastFailure.Describe()}. Not retried.",
                    lastFailure.Code,
                    lastFailure.StatusCode,
                    lastFailure.RequestId,
                    attempt,
                    isTransient: false,
                    lastFailure.Exception);
            }

            if (attempt >= options.MaxAttempts)
            {
                throw new SnsPublishException(
                    $"SNS did not accept the alert {message.AlertId} for topic {topic.Arn} in {attempt} attempt(s): {lastFailure.Describe()}.",
                    lastFailure.Code,
                    lastFailure.StatusCode,
                    lastFailure.RequestId,
                    attempt,
                    isTransient: true,
                    lastFailure.Exception);
            }

            var delay = Backoff(attempt);
            if (timeProvider.GetUtcNow() + delay >= end)
            {
                throw OutOfTime(message, lastFailure, attempt);
            }

            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private SnsPublishException OutOfTime(AlertMessage message, AttemptFailure? lastFailure, int attempts) =>
        new(
            $"SNS did not accept the alert {message.AlertId} for topic {topic.Arn} within the retry budget "
            + $"({attempts} attempt(s)): {lastFailure?.Describe() ?? "no time left to try"}.",
            lastFailure?.Code,
            lastFailure?.StatusCode,
            lastFailure?.RequestId,
            attempts,
            isTransient: true,
            lastFailure?.Exception);

    private TimeSpan Backoff(int failedAttempts)
    {
        var ceiling = options.BaseDelay.TotalMilliseconds * Math.Pow(2, failedAttempts - 1);
        var capped = Math.Min(options.MaxDelay.TotalMilliseconds, ceiling);
        return TimeSpan.FromMilliseconds((capped / 2) + (Jitter() * capped / 2));
    }

    private async Task<AttemptOutcome> SendOnceAsync(byte[] body, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ImmutableCredentials credentials;
        try
        {
            credentials = await AwsHttp.CredentialsAsync(options.Credentials, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            return AttemptOutcome.Failed(new AttemptFailure("CredentialsUnavailable", null, null, e.Message, IsTransient: false, e));
        }

        using var request = SignedPostRequest.Create(
            endpoint, SnsQueryProtocol.ContentType, body, credentials, topic.Region, SigningService, timeProvider.GetUtcNow().UtcDateTime);

        // Network time is real time: the attempt timeout runs on the system clock, while the budget and the
        // waits between attempts follow the injected clock.
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(timeout);
        try
        {
            using var response = await httpClient.SendAsync(request, linked.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var headerRequestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
            if (response.IsSuccessStatusCode)
            {
                var (messageId, requestId) = SnsQueryProtocol.ParsePublishResponse(text);
                return messageId is not null
                    ? AttemptOutcome.Published(messageId)
                    : AttemptOutcome.Failed(new AttemptFailure(
                        null, response.StatusCode, requestId ?? headerRequestId, $"response without a MessageId: {Snippet(text)}", IsTransient: false, null));
            }

            var (code, errorMessage, errorRequestId) = SnsQueryProtocol.ParseError(text);
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests
                || (int)response.StatusCode >= 500
                || (code is not null && TransientErrorCodes.Contains(code));
            return AttemptOutcome.Failed(new AttemptFailure(
                code, response.StatusCode, errorRequestId ?? headerRequestId, errorMessage ?? Snippet(text), transient, null));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptOutcome.Failed(new AttemptFailure(null, null, null, $"no response within {timeout.TotalSeconds:0.###} s", IsTransient: true, e));
        }
        catch (HttpRequestException e)
        {
            return AttemptOutcome.Failed(new AttemptFailure(null, null, null, $"connection to {endpoint} failed: {e.Message}", IsTransient: true, e));
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Snippet(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length == 0 ? "(empty body)" : flat.Length <= 200 ? flat : flat[..200] + "...";
    }

    private sealed record AttemptFailure(
        string? Code, HttpStatusCode? StatusCode, string? RequestId, string Message, bool IsTransient, Exception? Exception)
    {
        public string Describe()
        {
            var status = StatusCode is { } s ? $"HTTP {(int)s}" : null;
            var head = string.Join(" ", new[] { Code, status is null ? null : $"({status})" }.Where(p => p is not null));
            return head.Length == 0 ? Message : $"{head}: {Message}";
        }
    }

    private sealed record AttemptOutcome(string? MessageId, AttemptFailure? Failure)
    {
        public static AttemptOutcome Published(string messageId) => new(messageId, null);

        public static AttemptOutcome Failed(AttemptFailure failure) => new(null, failure);
    }
}
