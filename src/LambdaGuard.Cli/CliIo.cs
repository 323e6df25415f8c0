namespace LambdaGuard.Cli;

/// <summary>Where a command writes. Tests pass string writers; the program passes the console.
/// <paramref name="Input"/> answers confirmations (import); <paramref name="Environment"/> lets tests set
/// variables without touching the process.</summary>
public sealed record CliIo(TextWriter Out, TextWriter Error, TextReader Input, bool Interactive, TimeProvider Clock)
{
    /// <summary>Standard input as bytes, for <c>scan -</c> (logs may be gzip).</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;

    public static CliIo FromConsole() => new(Console.Out, Console.Error, Console.In, !Console.IsErrorRedirected, TimeProvider.System);
}
