using System.Text.Json;
using LambdaGuard.Core.Alerts;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Core.Tests.Alerts;

public sealed class AuditAlertBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly SuppressionEntry Broad = new()
    {
        Id = "mute-all",
        Reason = "too noisy",
        ExpiresAt = Now.AddDays(7),
        Principal = "*",
        CreatedBy = "arn:aws:iam::123456789012:user/mallory",
    };

    [Fact]
    public void Build_WhenBroadEntryAdded_ShouldSendAHighLg011AlertInTheSameSchema()
    {
        // Arrange
        var audit = SuppressionAuditor.Audit(new SuppressionChange(SuppressionChangeKind.Added, null, Broad, "stream-1", "123456789012", "us-east-1", Now), Now);

        // Act
        var message = AuditAlertBuilder.Build(audit, Now);
        using var envelope = JsonDocument.Parse(message.Message);
        using var alert = JsonDocument.Parse(envelope.RootElement.GetProperty("sqs").GetString()!);

        // Assert
        var root = alert.RootElement;
        Assert.Equal("lambdaguard.alert/v1", root.GetProperty("schema").GetString());
        Assert.Equal("LG011", root.GetProperty("ruleId").GetString());
        Assert.Equal("High", root.GetProperty("severity").GetString());
        Assert.True(root.GetProperty("suppressionChange").GetProperty("broad").GetBoolean());
        Assert.Equal("High", message.Attributes["severity"]);
        Assert.Equal("LG011", message.Attributes["ruleId"]);
        Assert.True(message.Subject.Length < 100);
    }

    [Fact]
    public void Build_WhenSameStreamRecordIsRedelivered_ShouldGiveTheSameAlertId()
    {
        // Arrange
        var change = new SuppressionChange(SuppressionChangeKind.Removed, Broad, null, "stream-2", "123456789012", "us-east-1", Now);

        // Act
        var first = AuditAlertBuilder.Build(SuppressionAuditor.Audit(change, Now), Now);
        var second = AuditAlertBuilder.Build(SuppressionAuditor.Audit(change, Now.AddMinutes(1)), Now.AddMinutes(1));

        // Assert
        Assert.Equal(first.AlertId, second.AlertId);
    }

    [Fact]
    public void Build_WhenEntryIdHoldsMarkup_ShouldShowItInACodeSpanInTheSuppressionThread()
    {
        // Arrange
        var hostile = Broad with { Id = "x`<!channel>*y*" };
        var audit = SuppressionAuditor.Audit(new SuppressionChange(SuppressionChangeKind.Added, null, hostile, "stream-3", "123456789012", "us-east-1", Now), Now);

        // Act
        var message = AuditAlertBuilder.Build(audit, Now);
        using var envelope = JsonDocument.Parse(message.Message);
        using var chat = JsonDocument.Parse(envelope.RootElement.GetProperty("https").GetString()!);

        // Assert
        var description = chat.RootElement.GetProperty("content").GetProperty("description").GetString()!;
        Assert.Contains("`x\u02CB&lt;!channel&gt;*y*`", description, StringComparison.Ordinal);
        Assert.DoesNotContain('\\', description);
        Assert.Equal("lambdaguard-123456789012-suppressions", chat.RootElement.GetProperty("metadata").GetProperty("threadId").GetString());
    }
}
