using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api.Callers;
using OrderProcessing.Functions.Api.Export;
using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Json;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Observability;

namespace OrderProcessing.Functions.Api.Endpoints;

/// <summary>
/// The order routes: parse, call <see cref="OrderService"/>, map the result. The route's access is already checked; a
/// customer's calls pass their id to Core, which answers someone else's order as a missing one.
/// </summary>
internal sealed class OrderEndpoints(OrderService orders, Telemetry telemetry)
{
    private static readonly Dictionary<string, string> NoDimensions = [];

    public async Task<HttpResult> PlaceAsync(ApiCall call)
    {
        PlaceOrderCommand command;
        var key = call.Request.Header("Idempotency-Key");
        using (var body = call.JsonObject())
        {
            var fields = new JsonFields(new ValidationErrors());
            var request = RequestReaders.PlaceOrder(body.RootElement, fields);
            if (call.Caller.Kind == CallerKind.Customer)
            {
                // A customer orders for themselves: the token names them, and a body naming someone else is refused
                // before anything is stored. Missing identity fields come from the token.
                if (request.CustomerId is { } named && !string.Equals(named, call.Caller.CustomerId, StringComparison.Ordinal))
                {
                    return HttpResult.Problem(403, ProblemTypes.Forbidden, "Forbidden", "customerId must be the signed-in customer's own id (or left out).", call.Request);
                }

                request = request with
                {
                    CustomerId = call.Caller.CustomerId,
                    CustomerEmail = request.CustomerEmail ?? call.Caller.Email,
                    CustomerName = request.CustomerName ?? call.Caller.Name,
                };
            }

            command = Validate(request, fields.Errors, key);
        }

        var result = await orders.PlaceAsync(command, call.Request.Budget).ConfigureAwait(false);
        var order = result.Order;
        call.OrderId = order.OrderId;
        if (!result.Replayed)
        {
            telemetry.Metrics(NoDimensions, [Metric.Count("OrdersCreated", 1)], new Dictionary<string, object?> { ["requestId"] = call.Request.RequestId, ["orderId"] = order.OrderId });
            telemetry.Log(LogLevel.Info, "Order placed.", call.Request.RequestId, order.OrderId, new Dictionary<string, object?>(5)
            {
                ["customerId"] = order.Customer.CustomerId,
                ["lines"] = order.Lines.Count,
                ["total"] = order.Total.Amount,
                ["currency"] = order.Currency.Code,
                ["idempotencyKey"] = key is not null,
            });
        }

        var response = HttpResult.Json(201, ResourceMapper.ToResource(order), ApiJsonContext.Responses.OrderResource)
            .With("Location", $"/orders/{Uri.EscapeDataString(order.OrderId)}");
        return result.Replayed ? response.With("Idempotent-Replayed", "true") : response;
    }

    public async Task<HttpResult> GetAsync(ApiCall call)
    {
        var order = await orders.GetAsync(Order(call), call.Caller.OwnOrdersOnly, call.Request.Budget).ConfigureAwait(false);
        return HttpResult.Json(200, ResourceMapper.ToResource(order), ApiJsonContext.Responses.OrderResource);
    }

    public async Task<HttpResult> ListAsync(ApiCall call)
    {
        var errors = new ValidationErrors();
        var status = QueryParameters.Status(call.Request, errors);
        var limit = QueryParameters.Limit(call.Request, errors);
        errors.ThrowIfAny();
        var page = await orders.ListAsync(status, limit, QueryParameters.Cursor(call.Request), call.Request.Budget).ConfigureAwait(false);
        return Page(page);
    }

    public Task<HttpResult> ListByCustomerAsync(ApiCall call) => ListAsync(call, call.Id("customerId"));

    public Task<HttpResult> ListMineAsync(ApiCall call) => ListAsync(call, Me(call));

    public Task<HttpResult> ExportByCustomerAsync(ApiCall call) => ExportAsync(call, call.Id("customerId"));

    public Task<HttpResult> ExportMineAsync(ApiCall call) => ExportAsync(call, Me(call));

    private async Task<HttpResult> ExportAsync(ApiCall call, string customerId)
    {
        var errors = new ValidationErrors();
        var format = QueryParameters.Format(call.Request, errors);
        errors.ThrowIfAny();
        ReadOnlyMemory<byte> body;
        try
        {
            body = await OrderHistoryExport.WriteAsync(orders.HistoryAsync(customerId, call.Request.Budget), format, BoundedProxyBody.ProxyLimit, call.Request.Budget).ConfigureAwait(false);
        }
        catch (ExportTooLargeException e)
        {
            return HttpResult.Problem(422, ProblemTypes.ExportTooLarge, "Export too large", e.Message + " Page through the order listing instead.", call.Request);
        }

        var name = $"orders-{FileNamePart(customerId)}.{(format == ExportFormat.Csv ? "csv" : "json")}";
        return HttpResult.Attachment(body, format == ExportFormat.Csv ? "text/csv; charset=utf-8; header=present" : HttpResult.JsonContentType, name);
    }

    private async Task<HttpResult> ListAsync(ApiCall call, string customerId)
    {
        var errors = new ValidationErrors();
        var limit = QueryParameters.Limit(call.Request, errors);
        errors.ThrowIfAny();
        var page = await orders.ListByCustomerAsync(customerId, limit, QueryParameters.Cursor(call.Request), call.Request.Budget).ConfigureAwait(false);
        return Page(page);
    }

    public async Task<HttpResult> MoveAsync(ApiCall call)
    {
        var orderId = Order(call);
        OrderStatus target;
        using (var body = call.JsonObject())
        {
            var fields = new JsonFields(new ValidationErrors());
            var text = fields.String(body.RootElement, "status", "status");
            if (fields.Errors.IsEmpty && text is null)
            {
                fields.Errors.Add("status", "is required");
            }
            else if (text is not null && !OrderStatusNames.TryParse(text, out _))
            {
                fields.Errors.Add("status", $"must be one of {string.Join(", ", OrderStatusNames.All)}");
            }

            fields.Errors.ThrowIfAny();
            target = OrderStatusNames.Parse(text!);
        }

        var order = await orders.MoveAsync(orderId, target, call.Request.Budget).ConfigureAwait(false);
        telemetry.Log(LogLevel.Info, $"Order moved to {target.ToWire()} by an operator.", call.Request.RequestId, orderId);
        return HttpResult.Json(200, ResourceMapper.ToResource(order), ApiJsonContext.Responses.OrderResource);
    }

    public async Task<HttpResult> CancelAsync(ApiCall call)
    {
        var orderId = Order(call);
        string? reason = null;
        if (call.Request.HasBody)
        {
            using var body = call.JsonObject();
            var fields = new JsonFields(new ValidationErrors());
            reason = fields.String(body.RootElement, "reason", "reason");
            TextRules.CheckOptional(fields.Errors, "reason", reason);
            fields.Errors.ThrowIfAny();
        }

        var order = await orders.CancelAsync(orderId, reason, call.Caller.OwnOrdersOnly, call.Request.Budget).ConfigureAwait(false);
        telemetry.Log(LogLevel.Info, "Order cancelled on request.", call.Request.RequestId, orderId);
        return HttpResult.Json(200, ResourceMapper.ToResource(order), ApiJsonContext.Responses.OrderResource);
    }

    public async Task<HttpResult> DeleteAsync(ApiCall call)
    {
        var orderId = Order(call);
        await orders.DeleteAsync(orderId, call.Request.Budget).ConfigureAwait(false);
        telemetry.Log(LogLevel.Info, "Order deleted.", call.Request.RequestId, orderId);
        return HttpResult.NoContent();
    }

    public async Task<HttpResult> InvoiceAsync(ApiCall call)
    {
        var orderId = Order(call);
        var invoice = await orders.GetInvoiceAsync(orderId, call.Caller.OwnOrdersOnly, call.Request.Budget).ConfigureAwait(false);
        if (invoice.Link is { } link)
        {
            return HttpResult.Redirect(link);
        }

        return HttpResult.Binary(invoice.Content!, "application/pdf")
            .With("Content-Disposition", $"inline; filename=\"invoice-{orderId}.pdf\"");
    }

    // /customers/me names the caller's own orders: a caller without a customer identity (an IAM or API-key operator) has none.
    private static string Me(ApiCall call) =>
        call.Caller.CustomerId ?? throw new NotFoundException("customer", "me");

    // Identifiers may hold any printable ASCII; a file name keeps only what no browser or shell misreads.
    private static string FileNamePart(string id) =>
        string.Create(id.Length, id, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(source[i]) || source[i] is '-' or '_' or '.' ? source[i] : '_';
            }
        });

    private static string Order(ApiCall call)
    {
        var orderId = call.Id("orderId");
        call.OrderId = orderId;
        return orderId;
    }

    private static HttpResult Page(Page<Order> page) =>
        HttpResult.Json(200, new OrderPageResource(page.Items.Select(ResourceMapper.ToResource).ToList(), page.NextCursor), ApiJsonContext.Responses.OrderPageResource);

    // The body's one validation. Type errors come first for their field; the domain's rules add what they find about
    // every other field, so a client learns all that is wrong with a body in one round trip.
    private static PlaceOrderCommand Validate(PlaceOrderRequest request, ValidationErrors typeErrors, string? idempotencyKey)
    {
        if (typeErrors.IsEmpty)
        {
            return PlaceOrderValidator.Validate(request, idempotencyKey);
        }

        var merged = new Dictionary<string, string[]>(typeErrors.ToDictionary(), StringComparer.Ordinal);
        try
        {
            _ = PlaceOrderValidator.Validate(request, idempotencyKey);
        }
        catch (ValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                merged.TryAdd(field, messages);
            }
        }

        throw new ValidationException(merged);
    }
}
