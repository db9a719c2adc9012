using System.Text.Json.Serialization;

namespace OrderProcessing.Functions.Adapters.Ses;

/// <summary>
/// Source-generated JSON for the SES v2 calls (no reflection, so it works in the Native AOT functions); the local host's
/// SES endpoint decodes and answers with the same types.
/// </summary>
[JsonSerializable(typeof(SesSendEmailRequest))]
[JsonSerializable(typeof(SesSendEmailResponse))]
[JsonSerializable(typeof(SesErrorResponse))]
public sealed partial class SesJsonContext : JsonSerializerContext;
