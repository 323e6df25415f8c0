using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace LambdaGuard.Cli.Aws;

/// <summary>STS GetCallerIdentity: needs no permission, so it works for every admin. Owns the client.</summary>
public sealed class StsCallerIdentity(IAmazonSecurityTokenService sts) : ICallerIdentity, IDisposable
{
    public async Task<string> GetCallerArnAsync(CancellationToken cancellationToken)
    {
        var response = await sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(response.Arn)
            ? throw new AwsSetupException("STS GetCallerIdentity returned no ARN; cannot record who made the change")
            : response.Arn;
    }

    public void Dispose() => sts.Dispose();
}
