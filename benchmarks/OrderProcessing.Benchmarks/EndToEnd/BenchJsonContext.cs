using System.Text.Json.Serialization;

namespace OrderProcessing.Benchmarks.EndToEnd;

/// <summary>Source-generated camelCase JSON of the requests the load runner sends.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProductBody))]
public sealed partial class BenchJsonContext : JsonSerializerContext;
