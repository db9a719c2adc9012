namespace OrderProcessing.Core.Catalog;

/// <summary>
/// A product's stock counters. Reserve moves units from available to reserved, release moves them back, ship moves
/// reserved to shipped; <see cref="Stocked"/> (their sum) changes only when an administrator sets the available stock.
/// </summary>
public sealed record StockLevel(int Available, int Reserved, int Shipped)
{
    /// <summary>Every unit the product ever had: available plus reserved plus shipped.</summary>
    public long Stocked => (long)Available + Reserved + Shipped;
}
