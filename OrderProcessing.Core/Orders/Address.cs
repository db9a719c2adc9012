namespace OrderProcessing.Core.Orders;

/// <summary>A shipping address. <see cref="Country"/> is an ISO 3166-1 alpha-2 code.</summary>
public sealed record Address(string Line1, string? Line2, string City, string? Region, string PostalCode, string Country);
