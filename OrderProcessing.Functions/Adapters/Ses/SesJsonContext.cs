using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Adapters.Ses;

/// <summary>Source-generated JSON for the SES v2 calls (no reflection, so it works in the Native AOT functions).</summary>
[JsonSerializable(typeof(SesSendEmailRequest))]
[JsonSerializable(typeof(SesSendEmailResponse))]
public sealed partial class SesJsonContext : JsonSerializerContext;
