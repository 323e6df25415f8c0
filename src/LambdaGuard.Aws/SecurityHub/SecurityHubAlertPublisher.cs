using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Formats;
using LambdaGuard.Core.Ports;

namespace LambdaGuard.Aws.SecurityHub;

/// <summary>The opt-in Security Hub import (LAMBDAGUARD_SECURITY_HUB=true): after the alert is published, its
/// alert JSON goes to Security Hub as ASFF, best-effort within the same deadline. Nothing about the import can
/// fail or delay the alert beyond that deadline; problems are reported to <c>onProblem</c>. Test alerts and
/// canary messages are not imported.</summary>
public sealed class SecurityHubAlertPublisher(IAlertPublisher inner, SecurityHubImporter importer, TimeProvider time, Action<string> onProblem) : IAlertPublisher
{
    public async Task<string> PublishAsync(AlertMessage message, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var messageId = await inner.PublishAsync(message, deadline, cancellationToken).ConfigureAwait(false);
        try
        {
            if (message.Attributes.TryGetValue("canary", out var canary) && canary == "true")
            {
                return messageId;
            }

            using var alert = JsonDocument.Parse(message.AsAlertJson().Message);
            var root = alert.RootElement;
            if (root.TryGetProperty("test", out var test) && test.ValueKind == JsonValueKind.True)
            {
                return messageId;
            }

            var json = AsffFinding.Json(root, importer.Target, time.GetUtcNow());
            var result = await importer.ImportAsync([new AsffImport(AsffFinding.Id(message.AlertId), json)], deadline, cancellationToken).ConfigureAwait(false);
            foreach (var failure in result.Failed)
            {
                onProblem($"alert {message.AlertId} was published but not imported into Security Hub: {failure.Code}: {failure.Message}");
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            onProblem($"alert {message.AlertId} was published but not imported into Security Hub: {e.Message}");
        }

        return messageId;
    }
}
