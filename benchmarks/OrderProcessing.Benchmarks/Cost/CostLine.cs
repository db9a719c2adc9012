namespace OrderProcessing.Benchmarks.Cost;

/// <summary>One billed item: how much of it one order uses and what a million orders cost.</summary>
/// <param name="Item">What is billed.</param>
/// <param name="PerOrder">Units per order.</param>
/// <param name="Unit">The unit (requests, GB-seconds, ...).</param>
/// <param name="UnitPrice">The price, in words (<c>$0.625 per million WRU</c>).</param>
/// <param name="DollarsPerMillionOrders">PerOrder x 1,000,000 x price per unit.</param>
/// <param name="Basis">Where the quantity comes from (counted, measured, assumed).</param>
public sealed record CostLine(string Item, double PerOrder, string Unit, string UnitPrice, double DollarsPerMillionOrders, string Basis);
