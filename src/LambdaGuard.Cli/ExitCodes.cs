namespace LambdaGuard.Cli;

/// <summary>interfaces.md: 2 wins over 1.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int FindingsAtOrAboveThreshold = 1;
    public const int UsageOrInputError = 2;
    public const int Refused = 1;
    public const int AwsError = 3;
}
