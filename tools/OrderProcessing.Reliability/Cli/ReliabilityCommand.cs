using System.CommandLine;
using OrderProcessing.Reliability.Reporting;
using OrderProcessing.Reliability.Suite;

namespace OrderProcessing.Reliability.Cli;

/// <summary>The command line: options of the suite, the run, the report, and an exit code that is 0 only when everything ran and held.</summary>
internal static class ReliabilityCommand
{
    /// <summary>The root command.</summary>
    public static RootCommand Create()
    {
        var orders = new Option<int>("--orders") { Description = "Orders of the in-memory fault-injection run.", DefaultValueFactory = _ => 500 };
        var seed = new Option<int>("--seed") { Description = "Seed of the workload, the faults and the delivery order.", DefaultValueFactory = _ => 42 };
        var dynalite = new Option<bool>("--dynalite") { Description = "Also run against the DynamoDB and S3 adapters on local dynalite and s3rver servers (started on free loopback ports)." };
        var dynaliteOrders = new Option<int?>("--dynalite-orders") { Description = "Orders of the dynalite run (default: --orders)." };
        var badInput = new Option<int>("--bad-input-cases") { Description = "Generated and mutated requests of the bad-input run.", DefaultValueFactory = _ => 10_000 };
        var output = new Option<string?>("--output") { Description = "Report to rewrite, relative to the repository root (default RELIABILITY.md; '-' for none).", DefaultValueFactory = _ => "RELIABILITY.md" };
        var root = new RootCommand("Proves the order pipeline's guarantees (no order lost, no stock oversold, no card charged twice) with fault injection, concurrency, bad input and security checks, and rewrites RELIABILITY.md with the counts.")
        {
            orders, seed, dynalite, dynaliteOrders, badInput, output,
        };
        root.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SuiteOptions
            {
                Orders = parse.GetValue(orders),
                Seed = parse.GetValue(seed),
                Dynalite = parse.GetValue(dynalite),
                DynaliteOrders = parse.GetValue(dynaliteOrders),
                BadInputCases = parse.GetValue(badInput),
                Output = parse.GetValue(output) is { } target && target != "-" ? target : null,
                Command = CommandLine(parse.Tokens.Select(t => t.Value)),
            };
            var report = await ReliabilitySuite.RunAsync(options, Console.Out, cancellationToken).ConfigureAwait(false);
            if (options.Output is { } file)
            {
                var path = Path.IsPathRooted(file) ? file : Path.Combine(DevTools.RepositoryRoot.Path, file);
                await File.WriteAllTextAsync(path, ReportWriter.Render(report), cancellationToken).ConfigureAwait(false);
                await Console.Out.WriteLineAsync($"wrote {path}").ConfigureAwait(false);
            }

            await Console.Out.WriteLineAsync($"{report.HoldingCount} of {report.CheckCount} checks hold; {report.NotRun.Count} part(s) not run").ConfigureAwait(false);
            foreach (var line in report.NotRun)
            {
                await Console.Error.WriteLineAsync("NOT RUN: " + line).ConfigureAwait(false);
            }

            foreach (var check in report.Sections.SelectMany(s => s.Checks.Where(c => !c.Holds).Select(c => (s.Title, c))))
            {
                await Console.Error.WriteLineAsync($"FAILED [{check.Title}] {check.c.Name}: {string.Join("; ", check.c.Violations.Take(5))}").ConfigureAwait(false);
            }

            return report.Passed ? 0 : 1;
        });
        return root;
    }

    private static string CommandLine(IEnumerable<string> args)
    {
        var rest = string.Join(' ', args);
        return "dotnet run --project tools/OrderProcessing.Reliability -c Release" + (rest.Length > 0 ? " -- " + rest : "");
    }
}
