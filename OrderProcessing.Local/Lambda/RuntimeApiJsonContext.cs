using System.Text.Json.Serialization;

namespace OrderProcessing.Local.Lambda;

/// <summary>Source-generated JSON for the Runtime API's error bodies.</summary>
[JsonSerializable(typeof(RuntimeApiError))]
internal sealed partial class RuntimeApiJsonContext : JsonSerializerContext;
