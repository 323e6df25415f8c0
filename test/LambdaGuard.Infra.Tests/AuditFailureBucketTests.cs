using System.Text.Json.Nodes;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class AuditFailureBucketTests(DefaultDeploymentFixture defaults)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    private JsonObject Template => Default.Json(Stack);

    private string BucketId => LogicalId(Stack.AuditFailures.Bucket);

    [Fact]
    public void Mapping_WhenSynthesized_ShouldKeepFailedBatchesInTheBucketNotAQueue()
    {
        var mapping = Properties(Template, LogicalId(Stack.AuditStream.Mapping));

        Assert.True(SameJson(GetAtt(BucketId, "Arn"), mapping["DestinationConfig"]!["OnFailure"]!["Destination"]));
    }

    [Fact]
    public void StreamReadPolicy_WhenSynthesized_ShouldGrantOnlyPutObjectAndListBucketOnTheBucket()
    {
        var policy = Resource(Template, LogicalId(Stack.AuditStream.StreamReadPolicy));
        var keep = StatementWithSid(policy, "KeepFailedAuditBatches");

        Assert.Equal("s3:PutObject", (string?)keep["Action"]);
        var expected = JsonNode.Parse($$"""{"Fn::Join":["",[{"Fn::GetAtt":["{{BucketId}}","Arn"]},"/*"]]}""");
        Assert.True(SameJson(expected, keep["Resource"]), keep.ToJsonString());
        var list = StatementWithSid(policy, "ListFailedAuditBatches");
        Assert.Equal("s3:ListBucket", (string?)list["Action"]);
        Assert.True(SameJson(GetAtt(BucketId, "Arn"), list["Resource"]));
        Assert.DoesNotContain(Statements(policy), s => Strings(s["Action"]).Any(a => a is "s3:GetObject" or "s3:DeleteObject"));
        Assert.DoesNotContain(Statements(policy), s => Strings(s["Action"]).Any(a => a.StartsWith("sqs:", StringComparison.Ordinal)));
    }

    [Fact]
    public void BucketPolicy_WhenSynthesized_ShouldAlsoLetTheDetectorRolePutObjectsAndRefuseTlsLessCalls()
    {
        var policy = Resources(Template, "AWS::S3::BucketPolicy")
            .Single(p => SameJson(p.Resource["Properties"]!["Bucket"], Ref(BucketId))).Resource;

        var allow = StatementWithSid(policy, "AllowDetectorToKeepFailedBatches");
        Assert.True(SameJson(GetAtt(LogicalId(Stack.Detector.Role), "Arn"), allow["Principal"]!["AWS"]));
        Assert.Equal("s3:PutObject", (string?)allow["Action"]);
        Assert.Contains(Statements(policy), s =>
            (string?)s["Effect"] == "Deny" && (string?)s["Condition"]?["Bool"]?["aws:SecureTransport"] == "false");
    }

    [Fact]
    public void Bucket_WhenSynthesized_ShouldBeRetainedEncryptedPrivateAndVersioned()
    {
        var bucket = Resource(Template, BucketId);
        var properties = bucket["Properties"]!;

        Assert.Equal("Retain", (string?)bucket["DeletionPolicy"]);
        Assert.Equal("Retain", (string?)bucket["UpdateReplacePolicy"]);
        Assert.Equal("AES256", (string?)properties["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]);
        foreach (var flag in new[] { "BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets" })
        {
            Assert.True((bool?)properties["PublicAccessBlockConfiguration"]![flag], flag);
        }

        Assert.Equal("Enabled", (string?)properties["VersioningConfiguration"]!["Status"]);
    }

    [Fact]
    public void Lifecycle_WhenSynthesized_ShouldKeepObjectsAsLongAsTheFailureQueuesKeepMessages()
    {
        var rule = Properties(Template, BucketId)["LifecycleConfiguration"]!["Rules"]!.AsArray().Single()!;

        Assert.Equal("Enabled", (string?)rule["Status"]);
        Assert.True((int?)rule["ExpirationInDays"] >= 14);
        Assert.True((int?)rule["NoncurrentVersionExpiration"]!["NoncurrentDays"] >= 14);
    }

    [Fact]
    public void NewObjects_WhenSynthesized_ShouldBeAnnouncedOnTheStreamFailureQueueWithoutALambda()
    {
        Assert.True((bool?)Properties(Template, BucketId)["NotificationConfiguration"]!["EventBridgeConfiguration"]!["EventBridgeEnabled"]);
        Assert.Empty(Resources(Template, "Custom::S3BucketNotifications"));

        var rule = Properties(Template, LogicalId(Stack.AuditFailures.ObjectCreatedRule));
        Assert.Equal("LambdaGuard-AuditFailures", (string?)rule["Name"]);
        Assert.Equal(["Object Created"], Strings(rule["EventPattern"]!["detail-type"]));
        Assert.True(SameJson(new JsonArray(Ref(BucketId)), rule["EventPattern"]!["detail"]!["bucket"]!["name"]));
        var target = rule["Targets"]!.AsArray().Single()!;
        Assert.True(SameJson(GetAtt(LogicalId(Stack.Queues.StreamFailureQueue), "Arn"), target["Arn"]));
        Assert.True(SameJson(GetAtt(LogicalId(Stack.Queues.RuleDeadLetterQueue), "Arn"), target["DeadLetterConfig"]!["Arn"]));
    }
}
