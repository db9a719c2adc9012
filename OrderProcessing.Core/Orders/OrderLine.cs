using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Orders;

/// <summary>One line of an order: the product's name and unit price at order time, the quantity, and the rounded line total.</summary>
public sealed record OrderLine
{
    /// <summary>Creates a line; the total is computed, never taken from input.</summary>
    public OrderLine(string productId, string name, int quantity, Money unitPrice)
    {
        ArgumentException.ThrowIfNullOrEmpty(productId);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        ProductId = productId;
        Name = name;
        Quantity = quantity;
        UnitPrice = unitPrice;
        LineTotal = unitPrice * quantity;
    }

    /// <summary>The catalog product.</summary>
    public string ProductId { get; }

    /// <summary>The product's name at order time.</summary>
    public string Name { get; }

    /// <summary>Units ordered.</summary>
    public int Quantity { get; }

    /// <summary>The catalog price at order time.</summary>
    public Money UnitPrice { get; }

    /// <summary>Unit price times quantity, rounded half to even.</summary>
    public Money LineTotal { get; }
}
