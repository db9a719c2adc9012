using OrderProcessing.Functions.Api.Http;
using OrderProcessing.Functions.Api.Resources;

namespace OrderProcessing.Functions.Api.Endpoints;

/// <summary>The health route: the function answers, and says which environment it runs in.</summary>
internal sealed class HealthEndpoint(string environment)
{
    public Task<HttpResult> GetAsync(ApiCall call) =>
        Task.FromResult(HttpResult.Json(200, new HealthResource("ok", environment), ApiJsonContext.Responses.HealthResource));
}
