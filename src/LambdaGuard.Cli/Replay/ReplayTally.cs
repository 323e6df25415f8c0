using System.Globalization;
using LambdaGuard.Core.Pipeline;
using LambdaGuard.Core.Reading;

namespace LambdaGuard.Cli.Replay;

public sealed class ReplayTally
{
    private readonly Dictionary<RecordOutcomeKind, int> counts = [];

    public int Failed => Count(RecordOutcomeKind.InProgress) + Count(RecordOutcomeKind.PublishFailed);

    /// <summary>Tamper events published again to their topic.</summary>
    public int Republished { get; private set; }

    /// <summary>Messages replay recognised but cannot redrive (reported by name; exit 2).</summary>
    public int NotRedriven { get; private set; }

    /// <summary>Messages with nothing to redrive (a failed heartbeat).</summary>
    public int Skipped { get; private set; }

    public int Count(RecordOutcomeKind kind) => counts.GetValueOrDefault(kind);

    public void Add(RecordOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        counts[outcome.Kind] = Count(outcome.Kind) + 1;
    }

    public void AddRepublished() => Republished++;

    public void AddNotRedriven() => NotRedriven++;

    public void AddSkipped() => Skipped++;

    public string Describe(ReadCounters counters, TimeSpan elapsed)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"{counters.Files} file(s), {counters.Records} record(s), {counters.LambdaRecords} Lambda record(s): "
            + $"{Count(RecordOutcomeKind.Published)} published, {Count(RecordOutcomeKind.Suppressed)} suppressed, "
            + $"{Count(RecordOutcomeKind.Duplicate)} duplicate, {Count(RecordOutcomeKind.NoFinding)} no-finding, "
            + $"{Count(RecordOutcomeKind.Malformed)} malformed, {Failed} failed; {counters.FileErrors} unreadable file(s)");
        if (Republished + NotRedriven + Skipped > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {Republished} tamper event(s) republished, {NotRedriven} not redriven, {Skipped} skipped");
        }

        return text + string.Create(CultureInfo.InvariantCulture, $"; {elapsed.TotalSeconds:0.0} s");
    }
}
