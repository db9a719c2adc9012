using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace OrderProcessing.Functions.Api.Resources;

/// <summary>Source-generated camelCase JSON of the API's resources and problem documents (no reflection on the request path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OrderResource))]
[JsonSerializable(typeof(OrderPageResource))]
[JsonSerializable(typeof(ProductResource))]
[JsonSerializable(typeof(ProductPageResource))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HealthResource))]
[JsonSerializable(typeof(OrderExportResource))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    // Built on first use: the generated Default lives in another part of this class, whose static fields may be
    // initialized after ours.
    private static readonly Lazy<ApiJsonContext> ResponsesContext = new(CreateResponses);

    /// <summary>
    /// What every response is written with: the generated options, and an encoder that leaves letters of every script as
    /// they are (<c>Café</c>, not <c>Caf\u00E9</c>) while still escaping what is significant in HTML (<c>&lt;</c>,
    /// <c>&gt;</c>, <c>&amp;</c>, quotes), so a body shown in a page cannot turn into markup. (<see cref="Default"/>
    /// escapes every character outside ASCII.)
    /// </summary>
    public static ApiJsonContext Responses => ResponsesContext.Value;

    private static ApiJsonContext CreateResponses() => new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
