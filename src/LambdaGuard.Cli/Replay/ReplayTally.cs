using System.Globalization;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Replay;

public sealed class ReplayTally
{
    private readonly Dictionary<RecordOutcomeKind, int> counts = [];

    public int Failed => Count(RecordOutcomeKind.InProgress) + Count(RecordOutcomeKind.PublishFailed);

    public int Count(RecordOutcomeKind kind) => counts.GetValueOrDefault(kind);

    public void Add(RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        counts[outcome.Kind] = Count(outcome.Kind) + 1;
    }

    public string Describe(ReadCounters counters, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{counters.Files} file(s), {counters.Records} record(s), {counters.LambdaRecords} Lambda record(s): "
            + $"{Count(RecordOutcomeKind.Published)} published, {Count(RecordOutcomeKind.Suppressed)} suppressed, "
            + $"{Count(RecordOutcomeKind.Duplicate)} duplicate, {Count(RecordOutcomeKind.NoFinding)} no-finding, "
            + $"{Count(RecordOutcomeKind.Malformed)} malformed, {Failed} failed; {counters.FileErrors} unreadable file(s); {elapsed.TotalSeconds:0.0} s");
    }
}
