namespace LambdaGuard.Core.Reading;

/// <param name="Path">The file as given or found (or another label for the input, e.g. an SQS message id).</param>
/// <param name="Index">The record's position in its file, counting from 0.</param>
public readonly record struct RecordLocation(string Path, long Index)
{
    public override string ToString() => $"{Path}#{Index}";
}
