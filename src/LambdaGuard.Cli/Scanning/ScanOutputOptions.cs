namespace LambdaGuard.Cli.Scanning;

public sealed record ScanOutputOptions(bool Wide, int MaxParameterBytes);
