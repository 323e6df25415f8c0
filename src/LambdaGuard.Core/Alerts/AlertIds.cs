using System.Security.Cryptography;
using System.Text;
using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Alerts;

/// <summary>The alert id is the same for every delivery of the same event (docs/interfaces.md), so the claims
/// table and subscribers can deduplicate.</summary>
public static class AlertIds
{
    public static string For(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        var record = finding.Record;
        if (!string.IsNullOrEmpty(record.EventId))
        {
            return Hash($"lambdaguard.alert/v1\n{record.EventId}\n{record.RecipientAccountId}\n{record.AwsRegion}\n{finding.RuleId}");
        }

        var recordHash = Convert.ToHexStringLower(SHA256.HashData(record.Raw.Span));
        return Hash($"lambdaguard.alert/v1\nrecord:{recordHash}\n{finding.RuleId}");
    }

    public static string For(string eventId, string? account, string? region, string ruleId) =>
        Hash($"lambdaguard.alert/v1\n{eventId}\n{account}\n{region}\n{ruleId}");

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
