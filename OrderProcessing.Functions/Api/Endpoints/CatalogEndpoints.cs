using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Common;
using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Json;
using OrderProcessing.Functions.Api.Resources;
using OrderProcessing.Functions.Observability;

namespace OrderProcessing.Functions.Api.Endpoints;

/// <summary>The product routes: catalog and stock administration and reads.</summary>
internal sealed class CatalogEndpoints(CatalogService catalog, Telemetry telemetry)
{
    public async Task<HttpResult> PutAsync(ApiCall call)
    {
        var productId = call.Id("productId");
        ProductRequest request;
        using (var body = call.JsonObject())
        {
            var fields = new JsonFields(new ValidationErrors());
            request = RequestReaders.Product(body.RootElement, fields);
            fields.Errors.ThrowIfAny();
        }

        var (product, created) = await catalog.PutAsync(productId, request, call.Request.Budget).ConfigureAwait(false);
        telemetry.Log(LogLevel.Info, created ? "Product created." : "Product updated.", call.Request.RequestId, fields: new Dictionary<string, object?> { ["productId"] = productId, ["stock"] = product.Stock.Available });
        var response = HttpResult.Json(created ? 201 : 200, ResourceMapper.ToResource(product), ApiJsonContext.Responses.ProductResource);
        return created ? response.With("Location", $"/products/{Uri.EscapeDataString(productId)}") : response;
    }

    public async Task<HttpResult> GetAsync(ApiCall call)
    {
        var product = await catalog.GetAsync(call.Id("productId"), call.Request.Budget).ConfigureAwait(false);
        return HttpResult.Json(200, ResourceMapper.ToResource(product), ApiJsonContext.Responses.ProductResource);
    }

    public async Task<HttpResult> ListAsync(ApiCall call)
    {
        var errors = new ValidationErrors();
        var limit = QueryParameters.Limit(call.Request, errors);
        errors.ThrowIfAny();
        var page = await catalog.ListAsync(limit, QueryParameters.Cursor(call.Request), call.Request.Budget).ConfigureAwait(false);
        return HttpResult.Json(200, new ProductPageResource(page.Items.Select(ResourceMapper.ToResource).ToList(), page.NextCursor), ApiJsonContext.Responses.ProductPageResource);
    }
}
