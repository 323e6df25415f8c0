using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Aws.DynamoDb.Streams;

/// <summary>A stream record turned into a suppression change, or why it could not be.</summary>
/// <param name="SequenceNumber">The batch item identifier Lambda wants back for a failed record.</param>
public sealed record StreamChange(SuppressionChange? Change, string? SequenceNumber, string Where, string? Problem, IReadOnlyList<string> Warnings);
