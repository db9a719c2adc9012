using System.Text.Json.Serialization;

namespace OrderProcessing.Local.Identity;

/// <summary>Source-generated JSON of the local token route.</summary>
[JsonSerializable(typeof(LocalTokenRequest))]
[JsonSerializable(typeof(LocalToken))]
internal sealed partial class IdentityJsonContext : JsonSerializerContext;
