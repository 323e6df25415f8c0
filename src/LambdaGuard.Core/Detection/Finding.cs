using LambdaGuard.Core.Actors;
using LambdaGuard.Core.Reading;
using LambdaGuard.Core.Rules;

namespace LambdaGuard.Core.Detection;

/// <summary>One alertable decision about one record (docs/detections.md §6). Strings are as logged; writers
/// bound and escape them.</summary>
public sealed record Finding
{
    public required RuleDefinition Rule { get; init; }

    public required Severity Severity { get; init; }

    public required string Summary { get; init; }

    public required IReadOnlyList<string> Reasons { get; init; }

    /// <summary>Later rules in the evaluation order that matched the same record.</summary>
    public required IReadOnlyList<string> AlsoMatched { get; init; }

    public required Actor Actor { get; init; }

    public required ChangeTarget Target { get; init; }

    public required CloudTrailRecord Record { get; init; }

    public required string Api { get; init; }

    public RecordLocation? Location { get; init; }

    public bool FailedAttempt { get; init; }

    public string RuleId => Rule.Id;

    public string? ConsoleLink => ConsoleLinks.ForEvent(Record.AwsRegion, Record.EventId);
}
