using Amazon.DynamoDBv2;
using LambdaGuard.Aws.DynamoDb;
using LambdaGuard.Aws.Publishing;
using LambdaGuard.Aws.SecurityHub;
using LambdaGuard.Aws.Sns;
using LambdaGuard.Core.Ports;
using LambdaGuard.Function.Observability;
using LambdaGuard.Function.Settings;

namespace LambdaGuard.Function.Composition;

/// <summary>The deployed wiring: DynamoDB and SNS in the function's region with the execution role's
/// credentials (the SDK default chain). Endpoints can be redirected with the SDK's standard
/// AWS_ENDPOINT_URL_DYNAMODB / AWS_ENDPOINT_URL_SNS / AWS_ENDPOINT_URL variables (local harnesses).</summary>
internal static class AwsPorts
{
    /// <param name="log">Receives delivery problems that do not fail the alert (alert-JSON topic, Security Hub).</param>
    public static FunctionPorts Create(FunctionSettings settings, Action<SuppressionItemProblem> onSuppressionProblem, FunctionLog? log = null)
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
        var snsOptions = new SnsPublisherOptions
        {
            TopicArn = settings.TopicArn,
            ServiceUrl = string.IsNullOrWhiteSpace(endpoint) ? null : new Uri(endpoint, UriKind.Absolute),
            RetryBudget = settings.WorkBudget,
            AttemptTimeout = settings.WorkBudget < TimeSpan.FromSeconds(5) ? settings.WorkBudget : TimeSpan.FromSeconds(5),
        };
        IAlertPublisher publisher = new SnsAlertPublisher(snsOptions);
        Action<string> onDeliveryProblem = problem => log?.Error("alert delivery problem", "publish", problem);
        if (settings.AlertJsonTopicArn is { } alertJsonTopicArn)
        {
            publisher = new AlertJsonTopicPublisher(
                publisher,
                new SnsAlertPublisher(new SnsPublisherOptions
                {
                    TopicArn = alertJsonTopicArn,
                    ServiceUrl = snsOptions.ServiceUrl,
                    RetryBudget = snsOptions.RetryBudget,
                    AttemptTimeout = snsOptions.AttemptTimeout,
                }),
                onDeliveryProblem);
        }

        if (settings.SecurityHub)
        {
            // The detector's own account and region call BatchImportFindings: both are in its topic's ARN.
            var topic = settings.TopicArn.Split(':');
            var securityHubEndpoint = Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SECURITYHUB");
            publisher = new SecurityHubAlertPublisher(
                publisher,
                new SecurityHubImporter(new SecurityHubOptions
                {
                    Partition = topic[1],
                    Region = topic[3],
                    CallingAccount = topic[4],
                    ServiceUrl = string.IsNullOrWhiteSpace(securityHubEndpoint) ? null : new Uri(securityHubEndpoint, UriKind.Absolute),
                    Budget = settings.WorkBudget < TimeSpan.FromSeconds(5) ? settings.WorkBudget : TimeSpan.FromSeconds(5),
                }),
                TimeProvider.System,
                onDeliveryProblem);
        }
        return new FunctionPorts(
            new DynamoDbSuppressionStore(dynamoDb, settings.SuppressionsTable, onSuppressionProblem),
            new DynamoDbAlertClaims(dynamoDb, settings.ClaimsTable),
            publisher,
            new DynamoDbSpokeSignals(dynamoDb, settings.ClaimsTable));
    }
}
