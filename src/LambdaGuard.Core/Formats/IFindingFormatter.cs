using LambdaGuard.Core.Detection;

namespace LambdaGuard.Core.Formats;

/// <summary>A scan output format: <see cref="Begin"/> once, <see cref="Write"/> per finding in scan order,
/// <see cref="End"/> once. Streaming formats write as they go; reports write at the end.</summary>
public interface IFindingFormatter
{
    void Begin(TextWriter output);

    /// <param name="suppressionId">The entry that silences the finding (shown with --show-suppressed), or null.</param>
    void Write(TextWriter output, Finding finding, string? suppressionId);

    void End(TextWriter output);
}
