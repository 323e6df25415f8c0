using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Testing;
using LambdaGuard.Testing.Emulators;

namespace LambdaGuard.Aws.Tests.DynamoDb;

internal static class DynaliteClients
{
    public static AmazonDynamoDBClient Create(DynaliteFixture dynalite) => new(
        new BasicAWSCredentials(AwsTestEnvironment.AccessKeyId, AwsTestEnvironment.SecretAccessKey),
        new AmazonDynamoDBConfig { ServiceURL = dynalite.ServiceUrl.ToString(), AuthenticationRegion = AwsTestEnvironment.Region });

    public static string UniqueTableName(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static async Task<string> NewSuppressionsTableAsync(IAmazonDynamoDB client)
    {
        var name = UniqueTableName("Suppressions");
        await LambdaGuardTables.EnsureSuppressionsTableAsync(client, name);
        return name;
    }

    public static async Task<string> NewClaimsTableAsync(IAmazonDynamoDB client)
    {
        var name = UniqueTableName("AlertClaims");
        await LambdaGuardTables.EnsureAlertClaimsTableAsync(client, name);
        return name;
    }

    public static async Task<Dictionary<string, AttributeValue>> RawItemAsync(
        IAmazonDynamoDB client, string table, Dictionary<string, AttributeValue> key)
    {
        var response = await client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true });
        return response.Item ?? [];
    }
}
