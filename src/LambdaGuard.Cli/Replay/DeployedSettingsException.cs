namespace LambdaGuard.Cli.Replay;

/// <summary>The deployed detector settings cannot be used; the message says what to do instead.</summary>
public sealed class DeployedSettingsException : Exception
{
    public DeployedSettingsException()
    {
    }

    public DeployedSettingsException(string message)
        : base(message)
    {
    }

    public DeployedSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
