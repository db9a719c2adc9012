using System.Diagnostics;
using System.Text.Json;
using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Faults;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>
/// Sends the corpus and <c>count</c> generated requests to the API function, one proxy event each, and checks every
/// answer: never a 5xx, every rejection an <c>application/problem+json</c> document with <c>type</c>, <c>title</c> and
/// the same <c>status</c>, nothing written to any store by a rejected request (write counter and store snapshot), and
/// no answer leaking a stack trace, an exception type or a payment token member.
/// </summary>
internal static partial class BadInputRun
{
    private const int MaxListed = 25;

    /// <summary>Runs the cases against <paramref name="target"/>, watching <paramref name="probe"/>.</summary>
    public static async Task<BadInputReport> RunAsync(string targetName, IHttpTarget target, IStoreProbe probe, int count, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(probe);
        var watch = Stopwatch.StartNew();
        var cases = Corpus.Cases.Concat(RequestGenerators.Sample(count, seed)).ToList();
        var serverErrors = new List<string>();
        var notProblems = new List<string>();
        var writes = new List<string>();
        var leaks = new List<string>();
        var byStatus = new SortedDictionary<int, int>();
        int accepted = 0, rejected = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var request = cases[i];
            var writesBefore = probe.Writes;
            var before = await probe.SnapshotAsync(cancellationToken).ConfigureAwait(false);
            var answer = await CallerScope.RunAsync(CallerScope.Api, () => target.SendAsync(ProxyEvent.For(request, ProxyEvent.RequestId(i)), cancellationToken)).ConfigureAwait(false);
            byStatus[answer.StatusCode] = byStatus.GetValueOrDefault(answer.StatusCode) + 1;
            var label = $"#{i} [{request.Family}] {request.Description}";
            if (Leak(answer) is { } leak)
            {
                leaks.Add($"{label}: {answer.StatusCode} {leak}: {Shorten(answer.Body)}");
            }

            if (answer.StatusCode >= 500)
            {
                serverErrors.Add($"{label}: {answer.StatusCode} {Shorten(answer.Body)}");
            }

            if (answer.StatusCode < 400)
            {
                accepted++;
                continue;
            }

            rejected++;
            if (ProblemDefect(answer) is { } defect)
            {
                notProblems.Add($"{label}: {answer.StatusCode} {defect}");
            }

            var after = await probe.SnapshotAsync(cancellationToken).ConfigureAwait(false);
            if (probe.Writes != writesBefore || after != before)
            {
                writes.Add($"{label}: answered {answer.StatusCode} but {probe.Writes - writesBefore} write(s) reached the stores{(after != before ? " and their contents changed" : "")}");
            }
        }

        var families = cases.GroupBy(c => c.Family).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var fiveHundreds = byStatus.Where(s => s.Key >= 500).Sum(s => s.Value);
        var checks = new List<InvariantResult>
        {
            new("Bad input never produces a 5xx", $"{cases.Count} requests ({Corpus.Cases.Count} from the corpus, {count} generated), {fiveHundreds} answered 5xx", serverErrors.Take(MaxListed).ToList()),
            new("Every rejection is a problem document (application/problem+json with type, title and its status)", $"{rejected} rejections, {notProblems.Count} without a proper problem document", notProblems.Take(MaxListed).ToList()),
            new("A rejected request writes nothing (write counter and store snapshot before and after)", $"{rejected} rejections, {writes.Count} with a write", writes.Take(MaxListed).ToList()),
            new("No answer carries a stack trace, an exception type or a payment token field", $"{cases.Count} answers searched, {leaks.Count} leaking", leaks.Take(MaxListed).ToList()),
        };
        return new BadInputReport(targetName, cases.Count, seed, families, byStatus, accepted, rejected, checks, watch.Elapsed);
    }

    // Client input echoed back (an id that looks like a token) is not a leak; a paymentToken member or internals are.
    private static string? Leak(HttpAnswer answer)
    {
        if (answer.Body is not { Length: > 0 } body)
        {
            return null;
        }

        if (StackFrame().IsMatch(body) || (answer.StatusCode >= 400 && ExceptionType().IsMatch(body)))
        {
            return "internals";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return HasTokenValue(document.RootElement) ? "a paymentToken member" : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // A paymentToken member carrying a value; a problem's "errors" map names the field with messages, which is fine.
    private static bool HasTokenValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Any(p =>
            (p.Name.Equals("paymentToken", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            || (p.Name != "errors" && HasTokenValue(p.Value))),
        JsonValueKind.Array => element.EnumerateArray().Any(HasTokenValue),
        _ => false,
    };

    private static string? ProblemDefect(HttpAnswer answer)
    {
        var type = answer.Header("Content-Type");
        if (type is null || !type.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase))
        {
            return $"Content-Type is {type ?? "missing"}";
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body ?? "");
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return "the body is not a JSON object";
            }

            if (!root.TryGetProperty("type", out var t) || t.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(t.GetString()))
            {
                return "no 'type'";
            }

            if (!root.TryGetProperty("title", out var title) || title.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(title.GetString()))
            {
                return "no 'title'";
            }

            return root.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.Number && status.GetInt32() == answer.StatusCode
                ? null
                : "'status' missing or not the HTTP status";
        }
        catch (JsonException e)
        {
            return $"the body is not JSON: {e.Message}";
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bat [A-Za-z_][\w.`]+\.[\w<>`]+\(", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex StackFrame();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(System|OrderProcessing|Amazon)\.[\w.]*Exception\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ExceptionType();

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300] + "...";
}
