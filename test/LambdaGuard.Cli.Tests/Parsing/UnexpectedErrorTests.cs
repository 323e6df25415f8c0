using LambdaGuard.Cli.Tests.Scan;
using LambdaGuard.Testing.Time;

namespace LambdaGuard.Cli.Tests.Parsing;

public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task Run_WhenACommandThrowsUnexpectedly_ShouldExit2WithOneLineOnStandardError()
    {
        // Arrange: standard input that fails in a way no command anticipates
        using var output = new StringWriter();
        using var error = new StringWriter();
        var io = new CliIo(output, error, TextReader.Null, Interactive: false, new AutoAdvancingTimeProvider(ScanRun.Today))
        {
            OpenStandardInput = () => throw new InvalidOperationException("stdin exploded\nsecond line"),
        };

        // Act
        var exitCode = await LambdaGuardCli.RunAsync(["scan", "-"], io);

        // Assert
        Assert.Equal(2, exitCode);
        var lines = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("lambdaguard scan: unexpected error (InvalidOperationException): stdin exploded second line", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}
