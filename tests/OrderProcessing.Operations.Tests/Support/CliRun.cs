using OrderProcessing.Operations.Cli;
using Spectre.Console;

namespace OrderProcessing.Operations.Tests.Support;

/// <summary>One run of the tool's command code in this process, with what it wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var console = new StringWriter();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(console),
        });
        ansi.Profile.Width = 240;
        var code = await OperationsCli.RunAsync(args, new CliIo(ansi, output, error));
        return new CliRun(code, console + output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {ExitCode}\n{Output}\n{Error}";
}
