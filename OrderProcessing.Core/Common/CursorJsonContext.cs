using System.Text.Json.Serialization;

namespace OrderProcessing.Core.Common;

/// <summary>Source-generated JSON for cursor payloads (no reflection).</summary>
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class CursorJsonContext : JsonSerializerContext;
