using LambdaGuard.Core.Detection;

namespace LambdaGuard.Cli.Scanning;

/// <param name="GeneratedAt">The scan's time: the alert's detectedAt in the csv, ocsf, asff and markdown formats.</param>
public sealed record ScanOutputOptions(bool Wide, DetectorSettings Settings, DateTimeOffset GeneratedAt);
