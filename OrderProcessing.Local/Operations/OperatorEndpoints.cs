using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Sweeping;
using OrderProcessing.Local.Diagnostics;
using OrderProcessing.Topology;

namespace OrderProcessing.Local.Operations;

/// <summary>
/// The operator tool's order routes on the local host, outside the API contract: the stuck orders and a nudge of one
/// order. They run the same <see cref="StuckOrderOperations"/> the tool runs against DynamoDB, over the host's own orders
/// store (whose change feed carries a nudge to the stage), because the local store lives inside this process: there is
/// no table for the tool to reach, and a second copy of the sweeper's logic in the tool would drift.
/// </summary>
public static class OperatorEndpoints
{
    /// <summary><c>GET</c>: the stuck orders; <c>olderThanSeconds</c> and <c>limit</c> are optional.</summary>
    public const string StuckPath = $"{DiagnosticsEndpoints.Prefix}/orders/stuck";

    /// <summary><c>POST</c> with the order id in place of <c>{id}</c>: nudges the order.</summary>
    public const string NudgePath = $"{DiagnosticsEndpoints.Prefix}/orders/{{id}}/nudge";

    /// <summary>Maps the routes on <paramref name="routes"/>.</summary>
    public static void Map(IEndpointRouteBuilder routes, StuckOrderOperations orders)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(orders);
        routes.MapGet(StuckPath, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            var olderThan = request.Query["olderThanSeconds"].ToString() is { Length: > 0 } seconds
                && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0
                    ? TimeSpan.FromSeconds(value)
                    : (TimeSpan?)null;
            var limit = int.TryParse(request.Query["limit"].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) && l > 0 ? l : SystemTopology.SweepLimit;
            var found = await orders.FindAsync(limit, olderThan, cancellationToken).ConfigureAwait(false);
            return Results.Json(new StuckOrderList(found.Select(StuckOrderView.Of).ToList()), LocalJsonContext.Default.StuckOrderList);
        });
        routes.MapPost(NudgePath, async (string id, CancellationToken cancellationToken) =>
        {
            try
            {
                var nudged = await orders.NudgeAsync(id, cancellationToken).ConfigureAwait(false);
                return Results.Json(StuckOrderView.Of(nudged), LocalJsonContext.Default.StuckOrderView);
            }
            catch (OrderNotFoundException)
            {
                return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such order", detail: $"There is no order '{id}'.");
            }
            catch (Exception e) when (e is ConcurrencyConflictException or InvalidOperationException)
            {
                return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not nudged", detail: e.Message);
            }
        });
    }
}
