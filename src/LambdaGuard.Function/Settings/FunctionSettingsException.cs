namespace LambdaGuard.Function.Settings;

/// <summary>The function's environment is unusable. Thrown at construction, so the Lambda init phase fails
/// with a message naming every bad variable instead of the first event failing obscurely.</summary>
public sealed class FunctionSettingsException : Exception
{
    public FunctionSettingsException()
    {
    }

    public FunctionSettingsException(string message)
        : base(message)
    {
    }

    public FunctionSettingsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
