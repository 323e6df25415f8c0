using LambdaGuard.Cli.Aws;
using LambdaGuard.Cli.Scanning;
using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Rules;

namespace LambdaGuard.Cli.Commands;

public sealed record ScanRequest(
    IReadOnlyList<string> Paths,
    string? SuppressionsPath,
    bool Jsonl,
    bool ShowSuppressed,
    Severity? FailOn,
    DetectorSettings Settings,
    string? AsOf)
{
    /// <summary>An output format name from <see cref="ScanOutputFactory.Formats"/>; <see cref="Jsonl"/> is kept for older callers.</summary>
    public string Format { get; init; } = Jsonl ? "jsonl" : "table";

    public bool Wide { get; init; }

    public string? Since { get; init; }

    public string? Until { get; init; }

    public IReadOnlyList<string> Accounts { get; init; } = [];

    public IReadOnlyList<string> EventRegions { get; init; } = [];

    public IReadOnlyList<string> Rules { get; init; } = [];

    public Severity? MinSeverity { get; init; }

    /// <summary>How s3:// paths reach S3: <c>--profile</c>, <c>--region</c>, <c>--endpoint-url</c>, <c>--s3-endpoint-url</c>.</summary>
    public AwsConnectionOptions Aws { get; init; } = new();
}
