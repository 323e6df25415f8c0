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
    string? AsOf);
