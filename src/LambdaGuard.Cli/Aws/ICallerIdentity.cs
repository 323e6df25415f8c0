namespace LambdaGuard.Cli.Aws;

/// <summary>Who the CLI is acting as: the ARN recorded as a suppression's self-reported <c>createdBy</c>.</summary>
public interface ICallerIdentity
{
    Task<string> GetCallerArnAsync(CancellationToken cancellationToken);
}
