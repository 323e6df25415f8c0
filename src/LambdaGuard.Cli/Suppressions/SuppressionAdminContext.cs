using LambdaGuard.Cli.Aws;
using LambdaGuard.Core.Ports;

namespace LambdaGuard.Cli.Suppressions;

/// <summary>What one <c>suppressions</c> subcommand works with. The table and the caller identity are opened
/// on first use, so offline work (<c>add --dry-run</c>, <c>explain --suppressions FILE</c>) needs no AWS.</summary>
public sealed class SuppressionAdminContext(
    CliIo io,
    string verb,
    bool json,
    Func<CancellationToken, Task<ISuppressionStore>> openStore,
    Func<ICallerIdentity> openIdentity)
{
    private ISuppressionStore? store;
    private ICallerIdentity? identity;

    public CliIo Io { get; } = io;

    public bool Json { get; } = json;

    /// <summary>One instant for the whole command, so validation and output agree.</summary>
    public DateTimeOffset Now { get; } = io.Clock.GetUtcNow();

    public TextWriter Out => Io.Out;

    public async Task<ISuppressionStore> StoreAsync(CancellationToken cancellationToken) =>
        store ??= await openStore(cancellationToken).ConfigureAwait(false);

    public Task<string> CallerArnAsync(CancellationToken cancellationToken) =>
        (identity ??= openIdentity()).GetCallerArnAsync(cancellationToken);

    public void Error(string message) => Io.Error.WriteLine($"lambdaguard suppressions {verb}: {message}");
}
