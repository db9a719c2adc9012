using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Observability;

namespace OrderProcessing.Functions.Api.Pipeline;

/// <summary>
/// Turns a failure of the parts after it into an RFC 9457 problem by <see cref="ProblemMapper"/>'s rules, so nothing
/// thrown reaches API Gateway (which would answer a bare 502). An unexpected failure is logged with the request's context,
/// a transient one as a warning; domain outcomes (400, 404, 409) are not logged here.
/// </summary>
internal sealed class ProblemResponses(TimeProvider clock, Telemetry telemetry, IApiStep next) : IApiStep
{
    public async ValueTask<HttpResult> InvokeAsync(ApiExchange exchange)
    {
        try
        {
            return await next.InvokeAsync(exchange).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var request = exchange.Request;
            var (problem, expected) = ProblemMapper.Map(e, request.Path, request.RequestId, clock.GetUtcNow());
            if (!expected)
            {
                telemetry.Log(LogLevel.Error, $"Unexpected failure answering {request.Method} {request.Path}.", request.RequestId, exchange.OrderId, exchange.LogFields(exchange.RouteName), e);
            }
            else if (problem.StatusCode >= 500)
            {
                telemetry.Log(LogLevel.Warn, "Transient failure; the client was told to retry.", request.RequestId, exchange.OrderId, exchange.LogFields(exchange.RouteName), e);
            }

            return problem;
        }
    }
}
