using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Stages;

/// <summary>Source-generated JSON of the stream record members stages read.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(StageRecord))]
internal sealed partial class StageJsonContext : JsonSerializerContext;
