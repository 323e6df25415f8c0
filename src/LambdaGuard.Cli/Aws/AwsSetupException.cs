namespace LambdaGuard.Cli.Aws;

/// <summary>The AWS connection cannot be set up as asked (unknown profile, no region, missing parameter);
/// the message says what to pass or configure.</summary>
public sealed class AwsSetupException(string message, Exception? inner = null) : Exception(message, inner);
