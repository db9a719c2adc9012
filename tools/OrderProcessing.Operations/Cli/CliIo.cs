using Spectre.Console;

namespace OrderProcessing.Operations.Cli;

/// <summary>Where the tool writes: tables for people, plain text for <c>--json</c>, one-line errors; tests pass their own.</summary>
/// <param name="Console">Tables and reports.</param>
/// <param name="Out">JSON output.</param>
/// <param name="Error">Error messages.</param>
public sealed record CliIo(IAnsiConsole Console, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's console.</summary>
    public static CliIo Standard => new(AnsiConsole.Console, System.Console.Out, System.Console.Error);
}
