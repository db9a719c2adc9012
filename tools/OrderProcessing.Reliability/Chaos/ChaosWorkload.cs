using System.Globalization;
using OrderProcessing.Core.Orders;
using OrderProcessing.Core.Payments;
using OrderProcessing.Topology;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>The catalog and the orders of a run, generated from its seed: mixed tokens, scarce products, totals over the limit, cancellations.</summary>
internal sealed class ChaosWorkload
{
    private static readonly (string Token, int Weight)[] TokenMix =
    [
        (TestPaymentTokens.Visa, 30), (TestPaymentTokens.Mastercard, 20), (TestPaymentTokens.Flaky, 20),
        (TestPaymentTokens.Declined, 15), (TestPaymentTokens.InsufficientFunds, 15),
    ];

    private static readonly string[] CancelStages =
        [SystemTopology.ReserveInventory.Name, SystemTopology.ChargePayment.Name, SystemTopology.ShipOrder.Name, SystemTopology.GenerateInvoice.Name];

    private ChaosWorkload(IReadOnlyList<CatalogItem> catalog, IReadOnlyList<OrderIntent> orders)
    {
        Catalog = catalog;
        Orders = orders;
    }

    /// <summary>Currency of every product.</summary>
    public const string Currency = "EUR";

    /// <summary>Products to stock.</summary>
    public IReadOnlyList<CatalogItem> Catalog { get; }

    /// <summary>Orders to place, in placement order.</summary>
    public IReadOnlyList<OrderIntent> Orders { get; }

    /// <summary>Generates the workload of <paramref name="options"/>.</summary>
    public static ChaosWorkload Generate(ChaosOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(options.Seed);
        var catalog = new List<CatalogItem>();
        for (var i = 1; i <= 12; i++)
        {
            catalog.Add(new CatalogItem($"sku-{i:D3}", $"Plentiful item {i}", Price(random, 5, 400), 1_000_000, Scarce: false, Luxury: false));
        }

        // Scarce stock covers about a third of the demand for it (about orders x rate x 2 lines x 2.5 units, over 4
        // products), so some orders must go out of stock.
        var scarceDemand = Math.Max(4, (int)(options.Orders * options.ScarceLineRate * 5 / 4 / 3));
        for (var i = 1; i <= 4; i++)
        {
            catalog.Add(new CatalogItem($"scarce-{i:D3}", $"Scarce item {i}", Price(random, 20, 200), scarceDemand, Scarce: true, Luxury: false));
        }

        for (var i = 1; i <= 2; i++)
        {
            catalog.Add(new CatalogItem($"lux-{i:D3}", $"Luxury item {i}", Price(random, 4_000, 6_000), 1_000_000, Scarce: false, Luxury: true));
        }

        var plentiful = catalog.Where(c => !c.Scarce && !c.Luxury).ToList();
        var scarce = catalog.Where(c => c.Scarce).ToList();
        var luxury = catalog.Where(c => c.Luxury).ToList();
        var orders = new List<OrderIntent>(options.Orders);
        for (var n = 0; n < options.Orders; n++)
        {
            var lines = new List<OrderLineRequest?>();
            var used = new HashSet<string>(StringComparer.Ordinal);
            var overLimit = random.NextDouble() < options.OverLimitRate;
            if (overLimit)
            {
                // Three units of a luxury item cost at least 12,000: the gateway must decline.
                var lux = luxury[random.Next(luxury.Count)];
                lines.Add(new OrderLineRequest(lux.ProductId, 3));
                used.Add(lux.ProductId);
            }

            var lineCount = random.Next(1, 4);
            var hasScarce = false;
            while (lines.Count < lineCount)
            {
                var wantScarce = random.NextDouble() < options.ScarceLineRate;
                var pool = wantScarce ? scarce : plentiful;
                var item = pool[random.Next(pool.Count)];
                if (!used.Add(item.ProductId))
                {
                    continue;
                }

                hasScarce |= item.Scarce;
                lines.Add(new OrderLineRequest(item.ProductId, random.Next(1, 5)));
            }

            var token = PickToken(random);
            var customer = $"cust-{random.Next(1, 80):D3}";
            var request = new PlaceOrderRequest(
                customer,
                $"{customer}.buyer{n}@example.com",
                $"Customer {customer}",
                lines,
                token,
                new AddressRequest($"{n + 1} Chaos Street", null, "Springfield", null, $"{10000 + n}", "US"));
            CancelPlan? cancel = null;
            if (random.NextDouble() < options.CancelRate)
            {
                var during = random.NextDouble() < 0.5;
                cancel = new CancelPlan(
                    during ? CancelTiming.DuringStage : CancelTiming.AfterDelay,
                    during ? CancelStages[random.Next(CancelStages.Length)] : null,
                    random.Next(1, 5),
                    random.Next(0, 600),
                    random.NextDouble() < options.DeleteAfterCancelRate);
            }

            orders.Add(new OrderIntent(n, $"chaos-{options.Seed}-{n:D5}", request, overLimit, hasScarce, cancel));
        }

        return new ChaosWorkload(catalog, orders);
    }

    private static decimal Price(Random random, int min, int max) =>
        decimal.Parse(string.Create(CultureInfo.InvariantCulture, $"{random.Next(min, max)}.{random.Next(0, 100):D2}"), CultureInfo.InvariantCulture);

    private static string PickToken(Random random)
    {
        var roll = random.Next(TokenMix.Sum(t => t.Weight));
        foreach (var (token, weight) in TokenMix)
        {
            if (roll < weight)
            {
                return token;
            }

            roll -= weight;
        }

        throw new InvalidOperationException("unreachable: the roll is below the total weight");
    }
}
