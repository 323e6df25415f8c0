using LambdaGuard.Core.Rules;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Core.Tests.Suppressions;

/// <summary>LG011: every change to the suppression list is reported, judged by the auditor.</summary>
public sealed class SuppressionAuditorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly SuppressionEntry Narrow = new()
    {
        Id = "deploy-role-orders",
        Reason = "OPS-1234",
        ExpiresAt = Now.AddDays(30),
        Principal = "arn:aws:iam::123456789012:role/DeployRole",
        Function = "orders-*",
        CreatedBy = "arn:aws:iam::123456789012:user/security-admin",
    };

    private static SuppressionChange Change(SuppressionChangeKind kind, SuppressionEntry? before, SuppressionEntry? after) =>
        new(kind, before, after, "stream-event-1", "123456789012", "us-east-1", Now);

    [Fact]
    public void Audit_WhenNarrowEntryAdded_ShouldBeMedium()
    {
        // Act
        var audit = SuppressionAuditor.Audit(Change(SuppressionChangeKind.Added, null, Narrow), Now);

        // Assert
        Assert.Equal(Severity.Medium, audit.Severity);
        Assert.False(audit.Broad);
        Assert.Contains("deploy-role-orders", audit.Summary, StringComparison.Ordinal);
        Assert.Contains("security-admin", audit.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SuppressionChangeKind.Added)]
    [InlineData(SuppressionChangeKind.Changed)]
    public void Audit_WhenEntryBecomesBroad_ShouldBeHigh(SuppressionChangeKind kind)
    {
        // Arrange
        var broad = Narrow with { Principal = "*", Function = "*" };

        // Act
        var audit = SuppressionAuditor.Audit(Change(kind, kind == SuppressionChangeKind.Added ? null : Narrow, broad), Now);

        // Assert
        Assert.Equal(Severity.High, audit.Severity);
        Assert.True(audit.Broad);
    }

    [Fact]
    public void Audit_WhenExpiredEntryRemoved_ShouldBeInfo()
    {
        // Arrange
        var expired = Narrow with { ExpiresAt = Now.AddDays(-1) };

        // Act
        var audit = SuppressionAuditor.Audit(Change(SuppressionChangeKind.Removed, expired, null), Now);

        // Assert
        Assert.Equal(Severity.Info, audit.Severity);
    }

    [Fact]
    public void Audit_WhenLiveEntryRemoved_ShouldBeMedium()
    {
        // Act
        var audit = SuppressionAuditor.Audit(Change(SuppressionChangeKind.Removed, Narrow, null), Now);

        // Assert
        Assert.Equal(Severity.Medium, audit.Severity);
    }

    [Fact]
    public void Audit_WhenEntryChanged_ShouldListTheChangedFields()
    {
        // Arrange
        var after = Narrow with { Function = "billing-*", ExpiresAt = Now.AddDays(60) };

        // Act
        var audit = SuppressionAuditor.Audit(Change(SuppressionChangeKind.Changed, Narrow, after), Now);

        // Assert
        Assert.Equal(["expiresAt", "function"], audit.ChangedFields);
        Assert.Contains(audit.Reasons, r => r.Contains("expiresAt, function", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_WhenEntryWrittenOutsideTheToolIsFarInTheFuture_ShouldSaySo()
    {
        // Arrange
        var forever = Narrow with { ExpiresAt = new DateTimeOffset(2099, 12, 31, 0, 0, 0, TimeSpan.Zero) };

        // Act
        var audit = SuppressionAuditor.Audit(Change(SuppressionChangeKind.Added, null, forever), Now);

        // Assert
        Assert.Contains(audit.Reasons, r => r.Contains("365 days", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_WhenEntryWithoutSelectorAdded_ShouldSayTheDetectorIgnoresIt()
    {
        // Arrange
        var empty = new SuppressionEntry { Id = "empty", Reason = "r", ExpiresAt = Now.AddDays(1) };

        // Act
        var audit = SuppressionAuditor.Audit(Change(SuppressionChangeKind.Added, null, empty), Now);

        // Assert
        Assert.Contains(audit.Reasons, r => r.Contains("ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_WhenWrittenEntryHasAProblem_ShouldSayTheDetectorIgnoresItNamingTheField()
    {
        // Arrange: an item written by hand with a misspelled selector, as the table reader records it.
        var typo = Narrow with { ReadProblems = [new SuppressionProblem("princpal", "'princpal' is not an entry field", "did you mean 'principal'?")] };

        // Act
        var audit = SuppressionAuditor.Audit(Change(SuppressionChangeKind.Added, null, typo), Now);

        // Assert
        Assert.Contains(audit.Reasons, r => r.StartsWith("the entry as written is invalid and is ignored by the detector: princpal:", StringComparison.Ordinal));
    }

    [Fact]
    public void Audit_WhenWrittenPrincipalIsNotAnchored_ShouldWarnInTheReasons()
    {
        // Act
        var audit = SuppressionAuditor.Audit(Change(SuppressionChangeKind.Added, null, Narrow with { Principal = "*DeployRole" }), Now);
        var anchored = SuppressionAuditor.Audit(Change(SuppressionChangeKind.Added, null, Narrow), Now);

        // Assert
        Assert.Contains(audit.Reasons, r => r.StartsWith("warning: principal: '*DeployRole' is not anchored", StringComparison.Ordinal));
        Assert.DoesNotContain(anchored.Reasons, r => r.StartsWith("warning:", StringComparison.Ordinal));
    }
}
