using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.SQS;
using LambdaGuard.Infra.Alerting;
using LambdaGuard.Infra.Detector;

namespace LambdaGuard.Infra.Organization;

public sealed class DetectorHubProps
{
    public required OrganizationSettings Settings { get; init; }

    public required DetectorFunction Detector { get; init; }

    public required AlertTopic AlertTopic { get; init; }

    public required ITable ClaimsTable { get; init; }

    public required Queue DeadLetterQueue { get; init; }
}
