using LambdaGuard.Core.Actors;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Tests.Support;

namespace LambdaGuard.Core.Tests.Actors;

/// <summary>docs/detections.md §3: the class comes from userIdentity.type alone; console, MFA and invokedBy are
/// recorded but never change it.</summary>
public sealed class ActorClassifierTests
{
    private const string Identities = "Actors/identities.json";

    private static Actor Classify(string eventId, DetectorSettings? settings = null) =>
        new ActorClassifier(settings ?? new DetectorSettings()).Classify(Fixtures.RecordById(Identities, eventId));

    [Theory]
    [InlineData("actor-root", ActorClass.Root)]
    [InlineData("actor-iam-user", ActorClass.Human)]
    [InlineData("actor-federated-user", ActorClass.Human)]
    [InlineData("actor-identity-center-user", ActorClass.Human)]
    [InlineData("actor-sso-by-issuer-name", ActorClass.Human)]
    [InlineData("actor-sso-by-path", ActorClass.Human)]
    [InlineData("actor-break-glass-role", ActorClass.Automation)]
    [InlineData("actor-ci-console-mfa", ActorClass.Automation)]
    [InlineData("actor-web-identity", ActorClass.Automation)]
    [InlineData("actor-saml-user", ActorClass.Automation)]
    [InlineData("actor-aws-account", ActorClass.Automation)]
    [InlineData("actor-aws-service", ActorClass.AwsService)]
    [InlineData("actor-unknown", ActorClass.Unknown)]
    [InlineData("actor-unlisted-type", ActorClass.Unknown)]
    [InlineData("actor-directory", ActorClass.Human)]
    [InlineData("actor-cloudformation-user", ActorClass.Human)]
    [InlineData("actor-role-no-issuer", ActorClass.Automation)]
    public void Classify_WhenIdentityTypeGiven_ShouldGiveTheSpecClass(string eventId, ActorClass expected)
    {
        // Act
        var actor = Classify(eventId);

        // Assert
        Assert.Equal(expected, actor.Class);
    }

    [Theory]
    [InlineData("actor-root", true)]
    [InlineData("actor-iam-user", true)]
    [InlineData("actor-sso-by-path", true)]
    [InlineData("actor-unknown", true)]
    [InlineData("actor-unlisted-type", true)]
    [InlineData("actor-directory", true)]
    [InlineData("actor-ci-console-mfa", false)]
    [InlineData("actor-web-identity", false)]
    [InlineData("actor-saml-user", false)]
    [InlineData("actor-aws-account", true)]
    [InlineData("actor-cross-account-user", true)]
    [InlineData("actor-aws-service", false)]
    public void Detect_WhenCodeUpdatedByActor_ShouldAlertPeopleUnknownAndUntrustedAccountsOnly(string eventId, bool alerted)
    {
        // Arrange
        var record = Fixtures.RecordById(Identities, eventId);

        // Act
        var result = new Detector(new DetectorSettings()).Detect(record);

        // Assert
        Assert.Equal(alerted, result.Finding is not null);
        Assert.Equal(alerted ? DetectionDecision.Finding : DetectionDecision.ActorNotAlerted, result.Decision);
    }

    [Fact]
    public void Detect_WhenCallerFromAnotherAccountUpdatesCode_ShouldBeAtLeastHighAndSaySo()
    {
        // Arrange: AWSAccount is Automation by class, but account 999999999999 is not trusted.
        var record = Fixtures.RecordById(Identities, "actor-aws-account");

        // Act
        var finding = new Detector(new DetectorSettings()).Detect(record).Finding;

        // Assert
        Assert.NotNull(finding);
        Assert.Equal("LG001", finding.RuleId);
        Assert.Equal(ActorClass.Automation, finding.Actor.Class);
        Assert.True(finding.Actor.UntrustedCaller);
        Assert.Contains(finding.Reasons, r => r.Contains("999999999999 is neither", StringComparison.Ordinal));
        Assert.Contains(finding.Reasons, r => r.Contains("actor is Automation", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_WhenCallerAccountIsTrusted_ShouldJudgeTheActorByItsClass()
    {
        // Arrange
        var record = Fixtures.RecordById(Identities, "actor-aws-account");
        var settings = new DetectorSettings { TrustedAccountGlobs = ["999999999999"] };

        // Act
        var result = new Detector(settings).Detect(record);

        // Assert
        Assert.Equal(DetectionDecision.ActorNotAlerted, result.Decision);
        Assert.False(result.Actor!.UntrustedCaller);
    }

    [Theory]
    [InlineData("actor-break-glass-role", "arn:aws:iam::123456789012:role/BreakGlass")]
    [InlineData("actor-break-glass-role", "*:role/Break*")]
    public void Classify_WhenIssuerRoleMatchesConfiguredHumanRole_ShouldBeHuman(string eventId, string glob)
    {
        // Arrange
        var settings = new DetectorSettings { HumanRoleGlobs = ["*:role/SomethingElse", glob] };

        // Act
        var actor = Classify(eventId, settings);

        // Assert
        Assert.Equal(ActorClass.Human, actor.Class);
    }

    [Fact]
    public void Classify_WhenHumanRoleGlobMatchesOnlyTheSessionArn_ShouldStayAutomation()
    {
        // Arrange: the session name is chosen by the caller; matching it would let anyone pose as (or dodge) a class.
        var settings = new DetectorSettings { HumanRoleGlobs = ["*assumed-role/BreakGlass/*", "*/erin"] };

        // Act
        var actor = Classify("actor-break-glass-role", settings);

        // Assert
        Assert.Equal(ActorClass.Automation, actor.Class);
    }

    [Fact]
    public void Classify_WhenSamlUserConfiguredAsHuman_ShouldBeHuman()
    {
        // Arrange
        var settings = new DetectorSettings { HumanRoleGlobs = ["frank"] };

        // Act
        var actor = Classify("actor-saml-user", settings);

        // Assert
        Assert.Equal(ActorClass.Human, actor.Class);
    }

    [Fact]
    public void Classify_WhenCiRoleUsesConsoleWithMfa_ShouldRecordBothAndStayAutomation()
    {
        // Act
        var actor = Classify("actor-ci-console-mfa");

        // Assert
        Assert.Equal(ActorClass.Automation, actor.Class);
        Assert.True(actor.Console);
        Assert.True(actor.Mfa);
    }

    [Fact]
    public void Classify_WhenRoleSession_ShouldUseTheIssuerRoleArnAsPrincipal()
    {
        // Act
        var actor = Classify("actor-sso-by-path");

        // Assert
        Assert.Equal("arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/eu-west-1/DevAdmin_abc123", actor.Principal);
        Assert.Equal("arn:aws:sts::123456789012:assumed-role/DevAdmin_abc123/dave@example.com", actor.Arn);
        Assert.Equal("dave@example.com", actor.SessionName);
    }

    [Fact]
    public void Classify_WhenRoleSessionHasNoIssuer_ShouldDeriveTheRoleArnNotKeepTheSessionArn()
    {
        // Act
        var actor = Classify("actor-role-no-issuer");

        // Assert
        Assert.Equal("arn:aws:iam::123456789012:role/ops-role", actor.Principal);
        Assert.DoesNotContain("chosen-name", actor.Principal, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_WhenIamUser_ShouldUseTheUserArnAsPrincipal()
    {
        // Act
        var actor = Classify("actor-iam-user");

        // Assert
        Assert.Equal("arn:aws:iam::123456789012:user/alice", actor.Principal);
        Assert.False(actor.CrossAccount);
        Assert.False(actor.Console);
        Assert.False(actor.Mfa);
    }

    [Fact]
    public void Classify_WhenAwsAccountActsThroughResourcePolicy_ShouldBeCrossAccountAutomation()
    {
        // Act
        var actor = Classify("actor-aws-account");

        // Assert
        Assert.Equal(ActorClass.Automation, actor.Class);
        Assert.True(actor.CrossAccount);
        Assert.Equal("999999999999", actor.AccountId);
    }

    [Fact]
    public void Classify_WhenCallerAccountDiffersFromRecipient_ShouldBeCrossAccount()
    {
        // Act
        var actor = Classify("actor-cross-account-user");

        // Assert
        Assert.Equal(ActorClass.Human, actor.Class);
        Assert.True(actor.CrossAccount);
    }

    [Fact]
    public void Detect_WhenIamUserDeploysThroughCloudFormation_ShouldStayHumanWithInvokedByAsAnnotation()
    {
        // Arrange
        var record = Fixtures.RecordById(Identities, "actor-cloudformation-user");

        // Act
        var finding = new Detector(new DetectorSettings()).Detect(record).Finding;

        // Assert
        Assert.NotNull(finding);
        Assert.Equal(ActorClass.Human, finding.Actor.Class);
        Assert.Equal("cloudformation.amazonaws.com", finding.Actor.InvokedBy);
        Assert.Equal("LG001", finding.RuleId);
        Assert.Contains(finding.Reasons, r => r.Contains("cloudformation.amazonaws.com", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("actor-unknown", "Unknown")]
    [InlineData("actor-unlisted-type", "QuantumUser")]
    public void Detect_WhenActorIsUnclassified_ShouldSaySoInTheFinding(string eventId, string type)
    {
        // Arrange
        var record = Fixtures.RecordById(Identities, eventId);

        // Act
        var finding = new Detector(new DetectorSettings()).Detect(record).Finding;

        // Assert
        Assert.NotNull(finding);
        Assert.Equal(ActorClass.Unknown, finding.Actor.Class);
        Assert.Equal(type, finding.Actor.Type);
        Assert.Contains(finding.Reasons, r => r.Contains("unclassified", StringComparison.Ordinal) && r.Contains(type, StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_WhenAwsServiceChangesAFunction_ShouldBeCountedNotAlerted()
    {
        // Arrange
        var record = Fixtures.RecordById(Identities, "actor-aws-service");

        // Act
        var result = new Detector(new DetectorSettings()).Detect(record);

        // Assert
        Assert.Equal(DetectionDecision.ActorNotAlerted, result.Decision);
        Assert.Equal(ActorClass.AwsService, result.Actor!.Class);
        Assert.Null(result.Finding);
    }
}
