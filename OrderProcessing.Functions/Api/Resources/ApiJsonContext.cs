using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Api.Resources;

/// <summary>Source-generated camelCase JSON of the API's resources and problem documents (no reflection on the request path).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OrderResource))]
[JsonSerializable(typeof(OrderPageResource))]
[JsonSerializable(typeof(ProductResource))]
[JsonSerializable(typeof(ProductPageResource))]
[JsonSerializable(typeof(ProblemDetails))]
[JsonSerializable(typeof(HealthResource))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
