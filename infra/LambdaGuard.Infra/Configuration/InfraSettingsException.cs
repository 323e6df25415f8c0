namespace LambdaGuard.Infra.Configuration;

public sealed class InfraSettingsException : Exception
{
    public InfraSettingsException()
    {
    }

    public InfraSettingsException(string message)
        : base(message)
    {
    }

    public InfraSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
