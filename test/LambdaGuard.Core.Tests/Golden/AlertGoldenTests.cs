using System.Text;
using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Suppressions;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Golden;

namespace LambdaGuard.Core.Tests.Golden;

/// <summary>The alert every rule sends for its first finding in <c>samples/</c>, built at a fixed time, kept
/// byte for byte in <c>Golden/Alerts</c>: the alert JSON (what SQS, Lambda, Firehose and email-json
/// subscribers get) and the whole SNS publish (subject, attributes, MessageStructure document). Regenerate
/// with <c>LAMBDAGUARD_UPDATE_GOLDEN=1</c> when a change is intended.</summary>
public sealed class AlertGoldenTests
{
    private const string Folder = "test/LambdaGuard.Core.Tests/Golden/Alerts";

    private static readonly DateTimeOffset DetectedAt = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<IReadOnlyDictionary<string, Finding>> FirstFindingPerRule = new(FindFirstFindingPerRule);

    public static TheoryData<string> DetectionRules => ["LG001", "LG002", "LG003", "LG004", "LG005", "LG006", "LG007", "LG008", "LG009", "LG010"];

    [Theory]
    [MemberData(nameof(DetectionRules))]
    public void Build_WhenRuleFiresOnTheSamples_ShouldSendTheGoldenAlert(string ruleId)
    {
        // Arrange
        Assert.True(FirstFindingPerRule.Value.TryGetValue(ruleId, out var finding), $"no finding for {ruleId} in samples/");

        // Act
        var message = new AlertBuilder().Build(finding, DetectedAt, SuppressionCheck.Checked);

        // Assert
        GoldenFile.AssertMatches($"{Folder}/{ruleId}.alert.json", AlertJson(message) + "\n");
        GoldenFile.AssertMatches($"{Folder}/{ruleId}.sns.json", PublishDocument(message) + "\n");
    }

    [Fact]
    public void Build_WhenSuppressionEntryIsAdded_ShouldSendTheGoldenLg011Alert()
    {
        // Arrange
        var entry = new SuppressionEntry
        {
            Id = "deploy-role-legacy-cleanup",
            Reason = "Legacy DeployRole user deletes retired functions (OPS-1234)",
            ExpiresAt = DetectedAt.AddDays(30),
            Principal = "*DeployRole",
            Function = "legacy-*",
            CreatedBy = "arn:aws:iam::123456789012:user/alice",
        };
        var change = new SuppressionChange(SuppressionChangeKind.Added, null, entry, "stream-event-1", "123456789012", "us-east-1", DetectedAt.AddSeconds(-5));

        // Act
        var message = AuditAlertBuilder.Build(SuppressionAuditor.Audit(change, DetectedAt), DetectedAt);

        // Assert
        GoldenFile.AssertMatches($"{Folder}/LG011.alert.json", AlertJson(message) + "\n");
        GoldenFile.AssertMatches($"{Folder}/LG011.sns.json", PublishDocument(message) + "\n");
    }

    private static string AlertJson(AlertMessage message)
    {
        using var envelope = JsonDocument.Parse(message.Message);
        return envelope.RootElement.GetProperty("sqs").GetString()!;
    }

    private static string PublishDocument(AlertMessage message)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("alertId", message.AlertId);
            json.WriteString("subject", message.Subject);
            json.WriteString("messageStructure", AlertMessage.MessageStructure);
            json.WriteStartObject("attributes");
            foreach (var (name, value) in message.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                json.WriteString(name, value);
            }

            json.WriteEndObject();
            json.WriteString("message", message.Message);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static Dictionary<string, Finding> FindFirstFindingPerRule()
    {
        var detector = new Detector(new DetectorSettings());
        var reader = new CloudTrailReader();
        var counters = new ReadCounters();
        var first = new Dictionary<string, Finding>(StringComparer.Ordinal);
        var root = RepositoryPaths.InRepo("samples", "cloudtrail");
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            // A repository-relative path, so the alerts do not depend on where the clone lives.
            var path = Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/');
            using var stream = File.OpenRead(file);
            foreach (var item in reader.Read(stream, path, counters))
            {
                if (item is { Kind: ReadItemKind.LambdaRecord, Record: { } record }
                    && detector.Detect(record, item.Location).Finding is { } finding)
                {
                    first.TryAdd(finding.RuleId, finding);
                }
            }
        }

        return first;
    }
}
