namespace LambdaGuard.Core.Suppressions;

public sealed class SuppressionFileException(string message, Exception? inner = null) : Exception(message, inner);
