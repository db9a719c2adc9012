using OrderProcessing.Functions.Api.Callers;
using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Pipeline;

/// <summary>
/// The one place routes are guarded: it learns the caller from the verified claims and checks it against the route's
/// <see cref="ApiRoute.Access"/> before the endpoint runs, so a refused request reads no body and stores nothing. No
/// caller on a protected route is <c>401</c> (with <c>WWW-Authenticate</c>), a customer on an operator route <c>403</c>.
/// Which orders a customer may touch is the endpoints' (through Core), since only the order knows its customer.
/// </summary>
internal sealed class AccessPolicy(CallerResolver callers, IApiStep next) : IApiStep
{
    /// <summary>The challenge of every 401 (RFC 6750): the function answers it only when no verified token arrived.</summary>
    public const string Challenge = "Bearer error=\"invalid_token\"";

    public ValueTask<HttpResult> InvokeAsync(ApiExchange exchange)
    {
        var caller = callers.Resolve(exchange.Request.RequestContext);
        exchange.Caller = caller;

        // Unknown paths and methods go on to the router's 404 and 405, which reveal only the route table, not data.
        if (exchange.Endpoint is not { } endpoint || caller.May(endpoint.Route.Access))
        {
            return next.InvokeAsync(exchange);
        }

        var request = exchange.Request;
        return new(caller.Kind == CallerKind.Anonymous
            ? HttpResult.Problem(401, ProblemTypes.Unauthorized, "Sign-in required", $"{endpoint.Key} needs a valid bearer token.", request).With("WWW-Authenticate", Challenge)
            : HttpResult.Problem(403, ProblemTypes.Forbidden, "Forbidden", $"{endpoint.Key} is for operators only.", request));
    }
}
