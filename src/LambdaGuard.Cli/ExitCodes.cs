namespace LambdaGuard.Cli;

/// <summary>The exit codes of every <c>lambdaguard</c> command (docs/interfaces.md, "Exit codes"). When
/// several apply, the highest wins: an AWS failure over bad input over findings.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>scan: an unsuppressed finding at or above <c>--fail-on</c>.</summary>
    public const int FindingsAtOrAboveThreshold = 1;

    /// <summary>Admin commands: the table refused the change (id exists, not found, changed by someone
    /// else) or the admin did not confirm.</summary>
    public const int Refused = 1;

    /// <summary>A usage error, an input that cannot be read or is not JSON, or a message that cannot be redriven.</summary>
    public const int UsageOrInputError = 2;

    /// <summary>A bug or an unforeseen failure: reported on one line; the same code as a usage error so that a
    /// crash is never mistaken for a finding (1).</summary>
    public const int UnexpectedError = UsageOrInputError;

    /// <summary>AWS could not be reached or refused the call (credentials, permissions, a missing table or topic).</summary>
    public const int AwsError = 3;
}
