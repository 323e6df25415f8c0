using Amazon.CDK.Assertions;
using LambdaGuard.Infra.Stacks;
using LambdaGuard.Infra.Tests.Support;
using static LambdaGuard.Infra.Tests.Support.TemplateJson;

namespace LambdaGuard.Infra.Tests;

[Collection(SynthesizedDeploymentsCollection.Name)]
public sealed class StorageTests(DefaultDeploymentFixture defaults)
{
    private SynthesizedDeployment Default => defaults.Deployment;

    private LambdaGuardRegionalStack Stack => Default.Stacks.Regional[0];

    [Fact]
    public void SuppressionsTable_WhenSynthesized_ShouldHaveTheContractKeysAStreamAndTtl()
    {
        Default.Template(Stack).HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = "LambdaGuard-Suppressions",
            ["KeySchema"] = new object[]
            {
                new Dictionary<string, object> { ["AttributeName"] = "pk", ["KeyType"] = "HASH" },
                new Dictionary<string, object> { ["AttributeName"] = "id", ["KeyType"] = "RANGE" },
            },
            ["StreamSpecification"] = new Dictionary<string, object> { ["StreamViewType"] = "NEW_AND_OLD_IMAGES" },
            ["TimeToLiveSpecification"] = new Dictionary<string, object> { ["AttributeName"] = "ttl", ["Enabled"] = true },
        });
    }

    [Fact]
    public void ClaimsTable_WhenSynthesized_ShouldBeKeyedByAlertIdWithTtl()
    {
        Default.Template(Stack).HasResourceProperties("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["TableName"] = "LambdaGuard-AlertClaims",
            ["KeySchema"] = new object[]
            {
                new Dictionary<string, object> { ["AttributeName"] = "alertId", ["KeyType"] = "HASH" },
            },
            ["StreamSpecification"] = Match.Absent(),
            ["TimeToLiveSpecification"] = new Dictionary<string, object> { ["AttributeName"] = "ttl", ["Enabled"] = true },
        });
    }

    [Theory]
    [InlineData("LambdaGuard-Suppressions")]
    [InlineData("LambdaGuard-AlertClaims")]
    public void Table_WhenSynthesized_ShouldBeOnDemandRecoverableProtectedAndRetained(string tableName)
    {
        Default.Template(Stack).HasResource("AWS::DynamoDB::Table", new Dictionary<string, object>
        {
            ["Properties"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["TableName"] = tableName,
                ["BillingMode"] = "PAY_PER_REQUEST",
                ["PointInTimeRecoverySpecification"] = new Dictionary<string, object> { ["PointInTimeRecoveryEnabled"] = true },
                ["DeletionProtectionEnabled"] = true,
            }),
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
        });
    }

    [Fact]
    public void Tables_WhenSynthesized_ShouldBeExactlyTheTwoOfTheContract()
    {
        var names = Resources(Default.Json(Stack), "AWS::DynamoDB::Table")
            .Select(t => (string?)t.Resource["Properties"]!["TableName"]);

        Assert.Equal(["LambdaGuard-AlertClaims", "LambdaGuard-Suppressions"], names.Order(StringComparer.Ordinal));
    }
}
