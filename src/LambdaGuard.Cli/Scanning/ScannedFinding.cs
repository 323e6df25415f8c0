using LambdaGuard.Core.Detection;
using LambdaGuard.Core.Suppressions;

namespace LambdaGuard.Cli.Scanning;

public sealed record ScannedFinding(Finding Finding, SuppressionEntry? SuppressedBy);
