namespace LambdaGuard.Cli.Suppressions;

/// <summary>Exit codes of <c>lambdaguard suppressions</c> (docs/suppressions.md). 2 keeps the meaning it
/// has for scan: the input or the usage is wrong.</summary>
public static class AdminExitCodes
{
    public const int Success = 0;

    /// <summary>The table refused the change (id exists, not found, changed by someone else) or the admin declined.</summary>
    public const int Refused = 1;

    public const int InvalidInput = ExitCodes.UsageOrInputError;

    /// <summary>AWS could not be reached or refused the call (credentials, permissions, missing table).</summary>
    public const int AwsError = 3;
}
