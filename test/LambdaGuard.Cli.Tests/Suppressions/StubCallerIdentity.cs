using LambdaGuard.Cli.Aws;

namespace LambdaGuard.Cli.Tests.Suppressions;

/// <param name="beforeAnswer">Runs when the CLI asks who is writing, which is after it read the entry and
/// before it writes: the window in which another admin's change must be caught.</param>
internal sealed class StubCallerIdentity(string arn, Func<Task>? beforeAnswer = null) : ICallerIdentity
{
    public int Calls { get; private set; }

    public async Task<string> GetCallerArnAsync(CancellationToken cancellationToken)
    {
        Calls++;
        if (beforeAnswer is not null)
        {
            await beforeAnswer();
        }

        return arn;
    }
}
