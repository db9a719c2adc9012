using OrderProcessing.Functions.Api.Http;

namespace OrderProcessing.Functions.Api.Pipeline;

/// <summary>Headers every response carries, problems and preflights included.</summary>
internal sealed class ResponseHeaders(IApiStep next) : IApiStep
{
    public async ValueTask<HttpResult> InvokeAsync(ApiExchange exchange)
    {
        var result = await next.InvokeAsync(exchange).ConfigureAwait(false);

        // Orders carry personal data: no shared cache may keep them, and no browser may guess another content type.
        return result.With("Cache-Control", "no-store").With("X-Content-Type-Options", "nosniff");
    }
}
