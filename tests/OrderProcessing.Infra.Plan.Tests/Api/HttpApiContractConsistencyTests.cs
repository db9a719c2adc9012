using System.Text.Json.Nodes;
using OrderProcessing.DevTools;
using OrderProcessing.Infra.Plan.Api;

namespace OrderProcessing.Infra.Plan.Tests.Api;

/// <summary>
/// API Gateway's document (Swagger 2.0, one proxy route) lets through what the HTTP API's OpenAPI 3.1 contract
/// (<c>contracts/http-api/v1/openapi.json</c>) describes: a browser's preflight allows every method and every request
/// header the contract names.
/// </summary>
public sealed class HttpApiContractConsistencyTests
{
    private static readonly string[] OperationKeys = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private static readonly JsonObject Contract =
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "contracts", "http-api", "v1", "openapi.json")))!.AsObject();

    [Test]
    public void PreflightMethods_AreTheContractsMethodsAndOptions()
    {
        var methods = Contract["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => o.Key))
            .Where(OperationKeys.Contains)
            .Select(m => m.ToUpperInvariant())
            .Append("OPTIONS")
            .Distinct();

        Assert.That(ApiPlan.CorsAllowMethods, Is.EquivalentTo(methods));
    }

    [Test]
    public void PreflightHeaders_IncludeEveryRequestHeaderOfTheContract()
    {
        var components = Contract["components"]!;
        var parameters = components["parameters"]!.AsObject()
            .Where(p => p.Value!["in"]!.GetValue<string>() == "header")
            .Select(p => p.Value!["name"]!.GetValue<string>());
        var credentials = components["securitySchemes"]!.AsObject()
            .Select(s => s.Value!["type"]!.GetValue<string>() == "http" ? "Authorization" : s.Value!["name"]!.GetValue<string>());

        Assert.That(parameters.Concat(credentials).Distinct(StringComparer.OrdinalIgnoreCase), Is.SubsetOf(ApiPlan.CorsAllowHeaders).Using((IEqualityComparer<string>)StringComparer.OrdinalIgnoreCase));
    }
}
