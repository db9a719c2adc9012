using System.Text.Json;
using OrderProcessing.Core.Common;
using OrderProcessing.Functions.Api.Callers;
using OrderProcessing.Functions.Api.Json;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Http;

/// <summary>One request matched to its route: what an endpoint reads.</summary>
internal sealed class ApiCall(ApiRequest request, ApiRoute route, IReadOnlyDictionary<string, string> parameters, Caller caller)
{
    public ApiRequest Request { get; } = request;

    /// <summary>Who calls; the route's access has been checked.</summary>
    public Caller Caller { get; } = caller;

    public ApiRoute Route { get; } = route;

    /// <summary>The order id the call concerns, for logs, once known.</summary>
    public string? OrderId { get; set; }

    /// <summary>A path parameter, checked as an identifier (a malformed id is a 400, never a store error).</summary>
    public string Id(string name)
    {
        var value = parameters[name];
        var errors = new ValidationErrors();
        TextRules.CheckIdentifier(errors, name, value);
        errors.ThrowIfAny();
        return value;
    }

    /// <summary>The body as a JSON object (see <see cref="JsonBody"/>).</summary>
    public JsonDocument JsonObject() => JsonBody.ParseObject(Request.BodyBytes());
}
