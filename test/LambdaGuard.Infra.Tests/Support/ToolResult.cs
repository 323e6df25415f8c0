namespace LambdaGuard.Infra.Tests.Support;

public sealed record ToolResult(int ExitCode, string Output)
{
    public override string ToString() => $"exit code {ExitCode}{Environment.NewLine}{Output}";
}
