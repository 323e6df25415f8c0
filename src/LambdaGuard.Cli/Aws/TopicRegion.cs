namespace LambdaGuard.Cli.Aws;

/// <summary>The region field of an SNS topic ARN (<c>arn:aws:sns:REGION:ACCOUNT:NAME</c>); the publisher
/// validates the whole ARN.</summary>
public static class TopicRegion
{
    public static string? Of(string topicArn) =>
        topicArn?.Split(':') is { Length: 6 } parts && parts[3].Length > 0 ? parts[3] : null;
}
