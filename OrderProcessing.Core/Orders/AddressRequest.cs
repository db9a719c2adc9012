namespace OrderProcessing.Core.Orders;

/// <summary>A shipping address as received.</summary>
public sealed record AddressRequest(string? Line1, string? Line2, string? City, string? Region, string? PostalCode, string? Country);
