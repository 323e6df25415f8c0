using System.Net;
using System.Text;
using System.Text.Json;
using Amazon.Runtime;
using LambdaGuard.Aws.Signing;
using LambdaGuard.Core.Formats;

namespace LambdaGuard.Aws.SecurityHub;

/// <summary>Security Hub BatchImportFindings over its REST-JSON protocol (<c>POST /findings/import</c>), signed
/// with SigV4 for service <c>securityhub</c> by AWSSDK.Core's signer, because the Security Hub SDK package is
/// not available. At most 100 findings per call; a call that succeeds with <c>FailedFindings</c> is retried with
/// those findings only; throttling, 5xx and transport failures retry the batch; other errors do not retry.</summary>
public sealed class SecurityHubImporter
{
    public const string ImportPath = "/findings/import";
    private const string SigningService = "securityhub";
    private const string ContentType = "application/json";

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "TooManyRequestsException", "LimitExceededException", "InternalException", "ServiceUnavailableException",
    };

    private readonly SecurityHubOptions options;
    private readonly Uri endpoint;
    private readonly HttpClient httpClient;
    private readonly TimeProvider timeProvider;

    public SecurityHubImporter(SecurityHubOptions options)
        : this(options, handler: null, timeProvider: null)
    {
    }

    public SecurityHubImporter(SecurityHubOptions options, HttpMessageHandler? handler, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        var baseUrl = options.ServiceUrl ?? AwsHttp.Endpoint("securityhub", options.Region);
        endpoint = new Uri(baseUrl, ImportPath);
        httpClient = AwsHttp.Client(handler);
        this.timeProvider = timeProvider ?? TimeProvider.System;
    }

    public AsffTarget Target => new(options.Partition, options.Region, options.CallingAccount);

    public Uri Endpoint => endpoint;

    public async Task<SecurityHubImportResult> ImportAsync(IReadOnlyList<AsffImport> findings, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var budgetEnd = timeProvider.GetUtcNow() + options.Budget;
        var end = deadline is { } limit && limit < budgetEnd ? limit : budgetEnd;
        var imported = 0;
        var calls = 0;
        var failed = new List<SecurityHubImportFailure>();
        foreach (var batch in findings.Chunk(AsffFinding.MaxFindingsPerImport))
        {
            var (batchImported, batchFailed, batchCalls) = await ImportBatchAsync(batch, end, cancellationToken).ConfigureAwait(false);
            imported += batchImported;
            calls += batchCalls;
            failed.AddRange(batchFailed);
        }

        return new SecurityHubImportResult(imported, failed, calls);
    }

    private async Task<(int Imported, List<SecurityHubImportFailure> Failed, int Calls)> ImportBatchAsync(
        AsffImport[] batch, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var pending = batch.ToList();
        var imported = 0;
        var calls = 0;
        List<SecurityHubImportFailure> lastFailures = [];
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            var remaining = end - timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return (imported, Unsent(pending, lastFailures, "no time left in the import budget"), calls);
            }

            calls++;
            var outcome = await SendOnceAsync(pending, remaining < options.AttemptTimeout ? remaining : options.AttemptTimeout, cancellationToken).ConfigureAwait(false);
            if (outcome.Accepted is { } failedIds)
            {
                imported += pending.Count - failedIds.Count;
                var byId = pending.ToDictionary(p => p.Id, StringComparer.Ordinal);
                pending = failedIds.Where(f => byId.ContainsKey(f.Id)).Select(f => byId[f.Id]).ToList();
                lastFailures = failedIds;
            }
            else if (!outcome.Transient)
            {
                return (imported, Unsent(pending, [], outcome.Error), calls);
            }
            else
            {
                lastFailures = [];
            }

            if (pending.Count == 0)
            {
                break;
            }

            if (attempt >= options.MaxAttempts)
            {
                return (imported, Unsent(pending, lastFailures, outcome.Error ?? "still failed after the retries"), calls);
            }

            var delay = TimeSpan.FromMilliseconds(options.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
            if (timeProvider.GetUtcNow() + delay >= end)
            {
                return (imported, Unsent(pending, lastFailures, "no time left to retry"), calls);
            }

            await Task.Delay(delay, timeProvider, cancellationToken).ConfigureAwait(false);
        }

        return (imported, [], calls);
    }

    private static List<SecurityHubImportFailure> Unsent(List<AsffImport> pending, List<SecurityHubImportFailure> known, string? why) =>
        pending.Select(p => known.FirstOrDefault(k => k.Id == p.Id) ?? new SecurityHubImportFailure(p.Id, "NotImported", why ?? "not imported")).ToList();

    private async Task<Outcome> SendOnceAsync(List<AsffImport> batch, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(AsffFinding.ImportBody(batch.Select(b => b.Json)));
        ImmutableCredentials credentials;
        try
        {
            credentials = await AwsHttp.CredentialsAsync(options.Credentials, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            return Outcome.Failed(false, $"no credentials: {e.Message}");
        }

        using var request = SignedPostRequest.Create(endpoint, ContentType, body, credentials, options.Region, SigningService, timeProvider.GetUtcNow().UtcDateTime);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        linked.CancelAfter(timeout);
        try
        {
            using var response = await httpClient.SendAsync(request, linked.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return ParseAccepted(text);
            }

            var code = ErrorCode(response, text);
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500 || (code is not null && TransientCodes.Contains(code));
            return Outcome.Failed(transient, $"HTTP {(int)response.StatusCode} {code}: {Snippet(text)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Outcome.Failed(true, $"no response within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return Outcome.Failed(true, $"connection to {endpoint} failed: {e.Message}");
        }
    }

    private static Outcome ParseAccepted(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var failed = new List<SecurityHubImportFailure>();
            if (document.RootElement.TryGetProperty("FailedFindings", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    failed.Add(new SecurityHubImportFailure(
                        item.TryGetProperty("Id", out var id) ? id.GetString() ?? string.Empty : string.Empty,
                        item.TryGetProperty("ErrorCode", out var code) ? code.GetString() ?? "Unknown" : "Unknown",
                        item.TryGetProperty("ErrorMessage", out var message) ? message.GetString() ?? string.Empty : string.Empty));
                }
            }

            return new Outcome(failed, false, failed.Count == 0 ? null : string.Join("; ", failed.Select(f => $"{f.Id}: {f.Code}")));
        }
        catch (JsonException)
        {
            return Outcome.Failed(false, $"unreadable response: {Snippet(text)}");
        }
    }

    private static string? ErrorCode(HttpResponseMessage response, string text)
    {
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types) && types.FirstOrDefault() is { } type)
        {
            return type.Split(':')[0];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("__type", out var t) ? t.GetString()?.Split('#')[^1]
                : document.RootElement.TryGetProperty("Code", out var c) ? c.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Snippet(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 200 ? flat : flat[..200] + "...";
    }

    /// <param name="Accepted">Non-null when the call succeeded: the findings Security Hub refused in it.</param>
    private sealed record Outcome(List<SecurityHubImportFailure>? Accepted, bool Transient, string? Error)
    {
        public static Outcome Failed(bool transient, string error) => new(null, transient, error);
    }
}
