using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderProcessing.Transport.Dispatch;

namespace OrderProcessing.Local.Diagnostics;

/// <summary>
/// Local-only routes under <c>/_local</c>, outside the API contract: the stage queues' counts, their dead letters with
/// causes, pausing and resuming a stage (as disabling its event source mapping does), and injecting a raw message into a
/// stage queue (to see a poison message reach the dead-letter list).
/// </summary>
public static class DiagnosticsEndpoints
{
    /// <summary>Path prefix of every diagnostics route.</summary>
    public const string Prefix = "/_local";

    /// <summary>Largest injected body: SQS's message size limit.</summary>
    public const int MaxInjectedBytes = 256 * 1024;

    /// <summary>Maps the routes on <paramref name="routes"/>.</summary>
    public static void Map(IEndpointRouteBuilder routes, StageDispatcher dispatcher)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(dispatcher);
        routes.MapGet($"{Prefix}/queues", () =>
            Results.Json(new QueueList(dispatcher.Queues.Select(q => q.Counts).ToList()), LocalJsonContext.Default.QueueList));
        routes.MapGet($"{Prefix}/dead-letters", () =>
            Results.Json(new DeadLetterList(dispatcher.DeadLetters), LocalJsonContext.Default.DeadLetterList));
        routes.MapPost($"{Prefix}/stages/{{stage}}/pause", (string stage) => SetPaused(dispatcher, stage, paused: true));
        routes.MapPost($"{Prefix}/stages/{{stage}}/resume", (string stage) => SetPaused(dispatcher, stage, paused: false));
        routes.MapPost($"{Prefix}/stages/{{stage}}/messages", async (string stage, HttpRequest request) =>
        {
            if (dispatcher.Find(stage) is null)
            {
                return NoSuchStage(dispatcher, stage);
            }

            if (request.ContentLength > MaxInjectedBytes)
            {
                return Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Message too large", detail: $"At most {MaxInjectedBytes} bytes.");
            }

            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            var messageId = dispatcher.Inject(stage, body);
            return Results.Json(new InjectedMessage(stage, messageId), LocalJsonContext.Default.InjectedMessage, statusCode: StatusCodes.Status202Accepted);
        });
    }

    private static IResult SetPaused(StageDispatcher dispatcher, string stage, bool paused)
    {
        if (dispatcher.Find(stage) is not { } queue)
        {
            return NoSuchStage(dispatcher, stage);
        }

        dispatcher.SetPaused(stage, paused);
        return Results.Json(queue.Counts, LocalJsonContext.Default.QueueCounts);
    }

    private static IResult NoSuchStage(StageDispatcher dispatcher, string stage) => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such stage",
        detail: $"'{stage}' is not a stage; stages are {string.Join(", ", dispatcher.Queues.Select(q => q.Name))}.");
}
