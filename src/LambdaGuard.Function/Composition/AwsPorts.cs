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
        // The SDK must not out-wait the pipeline's per-call budget (the pipeline also cancels each call at its
        // budget): one attempt plus one retry, each bounded by the budget.
        var options = settings.ToProcessorOptions();
        var dynamoDb = new AmazonDynamoDBClient(new AmazonDynamoDBConfig
        {
            Timeout = options.ClaimBudget > options.SuppressionBudget ? options.ClaimBudget : options.SuppressionBudget,
            MaxErrorRetry = 1,
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
            publisher);
    }
}
