namespace LambdaGuard.Cli.Aws;

/// <summary>The services a command calls: each gets its own endpoint override option.</summary>
[Flags]
public enum AwsService
{
    None = 0,
    DynamoDb = 1,
    Sns = 2,
    Ssm = 4,
    Sts = 8,
    S3 = 16,
}
