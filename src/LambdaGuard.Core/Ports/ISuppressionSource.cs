using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Core.Ports;

/// <summary>Where suppression entries live (a local file, a DynamoDB table). Returns every entry, expired
/// ones included: expiry is judged by <see cref="SuppressionMatcher"/> against the caller's clock.</summary>
public interface ISuppressionSource
{
    Task<IReadOnlyList<SuppressionEntry>> LoadAsync(CancellationToken cancellationToken);
}
