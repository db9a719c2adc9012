using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Runtime;

/// <summary>Source-generated JSON for the Runtime API's error body: no reflection, so the Native AOT build keeps it whole.</summary>
[JsonSerializable(typeof(LambdaError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
