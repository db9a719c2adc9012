namespace OrderProcessing.Functions.Api.Resources;

/// <summary>A shipping address; <c>line2</c> and <c>region</c> are null when not given.</summary>
public sealed record AddressResource(string Line1, string? Line2, string City, string? Region, string PostalCode, string Country);
