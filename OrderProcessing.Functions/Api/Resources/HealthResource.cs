namespace OrderProcessing.Functions.Api.Resources;

/// <summary>The answer of <c>GET /health</c>.</summary>
public sealed record HealthResource(string Status, string Environment);
