using OrderProcessing.Functions.Api.Contract;
using OrderProcessing.Functions.Api.Http;

namespace OrderProcessing.Functions.Api.Endpoints;

/// <summary>The contract route: the API's OpenAPI document, as embedded.</summary>
internal static class OpenApiEndpoint
{
    public static Task<HttpResult> GetAsync(ApiCall call) => Task.FromResult(HttpResult.Utf8Json(200, OpenApiContract.Utf8));
}
