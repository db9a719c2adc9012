using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text.Json;
using OrderProcessing.Operations.DeadLetters;
using OrderProcessing.Operations.Orders;
using OrderProcessing.Operations.Targets;
using OrderProcessing.Topology;
using Spectre.Console;

namespace OrderProcessing.Operations.Cli;

/// <summary>
/// The <c>orderops</c> command line: <c>dead-letters list|redrive</c> and <c>orders stuck|nudge</c>, against the local
/// host (<c>--local URL</c>) or a deployed stack (<c>--stack-outputs FILE</c>, or <c>--stack NAME --region R</c>).
/// Failures print one line naming what was wrong and exit non-zero; parse errors come from System.CommandLine.
/// </summary>
public static class OperationsCli
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Runs the command line <paramref name="args"/>, writing to <paramref name="io"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CliIo io, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(io);
        var root = Build(io, TimeProvider.System);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                await io.Error.WriteLineAsync($"error: {error.Message}").ConfigureAwait(false);
            }

            await io.Error.WriteLineAsync("Run orderops --help for the commands and options.").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        return await result.InvokeAsync(new InvocationConfiguration { Output = io.Out, Error = io.Error }, cancellationToken).ConfigureAwait(false);
    }

    private static RootCommand Build(CliIo io, TimeProvider clock)
    {
        var local = new Option<Uri?>("--local") { Description = "the local host's base URL (http://127.0.0.1:5080)", Recursive = true, CustomParser = ParseUrl };
        var outputs = new Option<FileInfo?>("--stack-outputs") { Description = "a deployed stack's names: the file `pulumi stack output --json` wrote", Recursive = true };
        var stack = new Option<string?>("--stack") { Description = "a deployed stack by name (names by the topology's rule); with --region or AWS_REGION", Recursive = true };
        var region = new Option<string?>("--region") { Description = "AWS region (default: the SDK's chain, AWS_REGION or the profile)", Recursive = true };
        var json = new Option<bool>("--json") { Description = "JSON for scripts instead of tables", Recursive = true };
        TargetOptions Target(ParseResult r) => new(r.GetValue(local), r.GetValue(outputs), r.GetValue(stack), r.GetValue(region));

        var listStage = new Option<string?>("--stage") { Description = $"one stage ({string.Join(", ", OperationsTarget.Stages.Select(s => s.Name))}); default all" };
        var list = new Command("list", "every dead letter: order, stage, receive count, first and last failure cause, age") { listStage };
        list.SetAction((r, ct) => GuardAsync(io, async () =>
        {
            using var target = OperationsTarget.Create(Target(r));
            var stages = r.GetValue(listStage) is { } one ? [OperationsTarget.Stage(one)] : OperationsTarget.Stages;
            var rows = await new DeadLetterOperations(target, clock).ListAsync(stages, ct).ConfigureAwait(false);
            if (r.GetValue(json))
            {
                await WriteJsonAsync(io, rows).ConfigureAwait(false);
                return;
            }

            var table = new Table().AddColumns("Order", "Stage", "Receives", "First failure", "Last failure", "Age", "Message");
            foreach (var row in rows)
            {
                table.AddRow(Cell(row.OrderId), Cell(row.Stage), Cell(row.ReceiveCount.ToString(CultureInfo.InvariantCulture)), Cell(row.FirstFailureCause ?? "(see the stage's logs)"), Cell(row.LastFailureCause ?? "(see the stage's logs)"), Cell(Age(row.Age)), Cell(row.MessageId));
            }

            io.Console.Write(table);
            io.Console.WriteLine($"{rows.Count} dead letter(s) on {target.Description}.");
        }));

        var redriveStage = new Option<string>("--stage") { Description = "the stage whose dead letters go back to its queue", Required = true };
        var order = new Option<string?>("--order") { Description = "only this order's dead letters (receive, send, delete); default the whole queue (a message move task)" };
        var rate = new Option<int?>("--max-per-second") { Description = "the move task's rate limit (default: as fast as SQS goes)" };
        var wait = new Option<TimeSpan>("--wait") { Description = "how long to wait for a whole-queue move to finish", DefaultValueFactory = _ => TimeSpan.FromMinutes(2), CustomParser = ParseDuration };
        var redrive = new Command("redrive", "moves dead letters back to the stage's queue and reports what moved") { redriveStage, order, rate, wait };
        redrive.SetAction((r, ct) => GuardAsync(io, async () =>
        {
            var stage = OperationsTarget.Stage(r.GetValue(redriveStage)!);
            using var target = OperationsTarget.Create(Target(r));
            var operations = new DeadLetterOperations(target, clock);
            var report = r.GetValue(order) is { } orderId
                ? await operations.RedriveOrderAsync(stage, orderId, ct).ConfigureAwait(false)
                : await operations.RedriveAllAsync(stage, r.GetValue(rate), r.GetValue(wait), ct).ConfigureAwait(false);
            if (r.GetValue(json))
            {
                await WriteJsonAsync(io, report).ConfigureAwait(false);
            }
            else
            {
                io.Console.WriteLine(report.OrderId is { } id
                    ? $"Moved {report.Moved} dead letter(s) of order {id} back to {report.Stage}: {string.Join(", ", report.MessageIds)}."
                    : $"Redrive of {report.Stage}: {report.Status}, {report.Moved} of {report.ToMove?.ToString(CultureInfo.InvariantCulture) ?? "?"} moved{(report.FailureReason is { } why ? $" ({why})" : "")}.");
            }

            if (report.Status == "FAILED")
            {
                throw new OperatorException($"The redrive of {report.Stage} failed after moving {report.Moved}: {report.FailureReason}");
            }
        }));

        var olderThan = new Option<TimeSpan?>("--older-than") { Description = "stuck longer than this (15m, 2h); default each stage's deadline", CustomParser = r => ParseDuration(r) };
        var limit = new Option<int>("--limit") { Description = "at most this many", DefaultValueFactory = _ => 100 };
        var stuck = new Command("stuck", "orders in a non-terminal status past their stage's deadline (or --older-than)") { olderThan, limit };
        stuck.SetAction((r, ct) => GuardAsync(io, async () =>
        {
            using var target = OperationsTarget.Create(Target(r));
            var rows = await target.Orders.FindStuckAsync(r.GetValue(olderThan), Math.Max(1, r.GetValue(limit)), ct).ConfigureAwait(false);
            if (r.GetValue(json))
            {
                await WriteJsonAsync(io, rows).ConfigureAwait(false);
                return;
            }

            var table = new Table().AddColumns("Order", "Status", "Version", "In status for", "Nudges");
            foreach (var row in rows)
            {
                table.AddRow(Cell(row.OrderId), Cell(row.Status), Cell(row.Version.ToString(CultureInfo.InvariantCulture)), Cell(Age(clock.GetUtcNow() - row.EnteredAt)), Cell(row.Nudges.ToString(CultureInfo.InvariantCulture)));
            }

            io.Console.Write(table);
            io.Console.WriteLine($"{rows.Count} stuck order(s) on {target.Description}.");
        }));

        var orderId = new Argument<string>("ID") { Description = "the order" };
        var nudge = new Command("nudge", "re-emits an order's current status to its stage; safe to repeat") { orderId };
        nudge.SetAction((r, ct) => GuardAsync(io, async () =>
        {
            using var target = OperationsTarget.Create(Target(r));
            var row = await target.Orders.NudgeAsync(r.GetValue(orderId)!, ct).ConfigureAwait(false);
            if (r.GetValue(json))
            {
                await WriteJsonAsync(io, row).ConfigureAwait(false);
            }
            else
            {
                io.Console.WriteLine($"Nudged order {row.OrderId}: {row.Status} re-emitted to its stage (nudge {row.Nudges} in this status).");
            }
        }));

        return new RootCommand("orderops: operate OrderProcessing (dead letters, stuck orders) on a deployed stack or the local host.")
        {
            local, outputs, stack, region, json,
            new Command("dead-letters", "messages a stage gave up on") { list, redrive },
            new Command("orders", "orders that stopped moving") { stuck, nudge },
        };
    }

    private static async Task<int> GuardAsync(CliIo io, Func<Task> action)
    {
        try
        {
            await action().ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (OperatorException e)
        {
            await io.Error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    private static Text Cell(string? value) => new(value ?? "-");

    private static string Age(TimeSpan age) => age switch
    {
        { TotalDays: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays}d{age.Hours}h"),
        { TotalHours: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours}h{age.Minutes}m"),
        { TotalMinutes: >= 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalMinutes}m{age.Seconds}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)age.TotalSeconds)}s"),
    };

    private static async Task WriteJsonAsync<T>(CliIo io, T value)
    {
        await io.Out.WriteLineAsync(JsonSerializer.Serialize(value, Json)).ConfigureAwait(false);
        await io.Out.FlushAsync().ConfigureAwait(false);
    }

    private static Uri? ParseUrl(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return url;
        }

        result.AddError($"--local must be an http(s) URL such as http://127.0.0.1:5080, not '{text}'.");
        return null;
    }

    private static TimeSpan ParseDuration(ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (Durations.TryParse(text) is { } duration)
        {
            return duration;
        }

        result.AddError($"'{text}' is not a duration such as 90s, 15m, 2h or 1d.");
        return default;
    }
}
