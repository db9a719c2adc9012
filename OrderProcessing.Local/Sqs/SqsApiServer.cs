using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderProcessing.Topology.Naming;

namespace OrderProcessing.Local.Sqs;

/// <summary>
/// Serves <see cref="LocalSqsService"/> over the SQS JSON protocol (AWS JSON 1.0: <c>POST</c> with
/// <c>X-Amz-Target: AmazonSQS.&lt;Action&gt;</c> and <c>application/x-amz-json-1.0</c> bodies) at <see cref="Path"/> on the
/// host's own Kestrel endpoint, so the real <c>AWSSDK.SQS</c> client, given that URL as its service URL, drives the local
/// queues exactly as it drives AWS. Errors carry <c>__type</c>, <c>message</c> and <c>x-amzn-query-error</c> as SQS's do.
/// Requests are not signature-checked: the host is a loopback development tool (see its bind warning).
/// </summary>
public static class SqsApiServer
{
    /// <summary>Where the SQS endpoint is served; the SDK's <c>ServiceURL</c> is the host's base URL plus this.</summary>
    public const string Path = ResourceNames.LocalSqsPath;

    private const string JsonContentType = "application/x-amz-json-1.0";
    private const string TargetPrefix = "AmazonSQS.";

    /// <summary>Maps the endpoint on <paramref name="routes"/>.</summary>
    public static void Map(IEndpointRouteBuilder routes, LocalSqsService service)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(service);
        routes.MapPost(Path, (HttpContext context) => HandleAsync(context, service));
    }

    private static async Task HandleAsync(HttpContext context, LocalSqsService service)
    {
        var response = context.Response;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        var target = context.Request.Headers["X-Amz-Target"].ToString();
        JsonObject answer;
        try
        {
            if (!target.StartsWith(TargetPrefix, StringComparison.Ordinal))
            {
                throw new SqsFault("MissingAction", "MissingAction", $"X-Amz-Target must be {TargetPrefix}<Action>; it was '{target}'.");
            }

            JsonObject request;
            try
            {
                request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false) as JsonObject
                    ?? throw SqsFault.InvalidParameter("The request body must be a JSON object.");
            }
            catch (JsonException e)
            {
                throw SqsFault.InvalidParameter($"The request body is not JSON: {e.Message}");
            }

            var endpoint = new Uri($"{context.Request.Scheme}://{context.Request.Host}{Path}");
            try
            {
                answer = service.Handle(target[TargetPrefix.Length..], request, endpoint);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
                // A parameter of the wrong JSON type (GetValue<int> on a string).
                throw SqsFault.InvalidParameter(e.Message);
            }
        }
        catch (SqsFault fault)
        {
            response.StatusCode = fault.StatusCode;
            response.Headers["x-amzn-query-error"] = $"{fault.QueryCode};Sender";
            answer = new JsonObject { ["__type"] = $"com.amazonaws.sqs#{fault.Shape}", ["message"] = fault.Message };
        }

        response.ContentType = JsonContentType;
        await response.WriteAsync(answer.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }
}
