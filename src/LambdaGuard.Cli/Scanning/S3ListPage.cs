namespace LambdaGuard.Cli.Scanning;

public sealed record S3ListPage(IReadOnlyList<string> Keys, IReadOnlyList<string> CommonPrefixes, string? ContinuationToken);
