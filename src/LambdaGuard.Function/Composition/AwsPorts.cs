using Amazon.DynamoDBv2;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Function.Settings;

namespace LambdaGuard.Function.Composition;

/// <summary>The deployed wiring: DynamoDB and SNS in the function's region with the execution role's
/// credentials (the SDK default chain). Endpoints can be redirected with the SDK's standard
/// AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SNS / AWS_ENDPOINT_URL variables (local harnesses).</summary>
internal static class AwsPorts
{
    public static FunctionPorts Create(FunctionSettings settings, Action<SuppressionItemProblem> onSuppressionProblem)
    {
        // Short SDK timeouts: a slow table must leave time to publish within the invocation.
        var dynamoDb = new AmazonDynamoDBClient(new AmazonDynamoDBConfig
        {
            Timeout = TimeSpan.FromSeconds(Math.Min(5, Math.Max(1, settings.WorkBudget.TotalSeconds / 4))),
            MaxErrorRetry = 2,
        });
        var endpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SNS") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        var publisher = new SnsAlertPublisher(new SnsPublisherOptions
        {
            TopicArn = settings.TopicArn,
            ServiceUrl = string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint, UriKind.Absolute),
            RetryBudget = settings.WorkBudget,
            AttemptTimeout = settings.WorkBudget < TimeSpan.FromSeconds(5) ? settings.WorkBudget : TimeSpan.FromSeconds(5),
        });
        return new FunctionPorts(
            new DynamoDbSuppressionStore(dynamoDb, settings.SuppressionsTable, onSuppressionProblem),
            new DynamoDbAlertClaims(dynamoDb, settings.ClaimsTable),
            publisher,
            new DynamoDbSpokeSignals(dynamoDb, settings.ClaimsTable));
    }
}
