using FsCheck;
using FsCheck.Fluent;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.InMemory;
using OrderProcessing.Core.Pricing;

namespace OrderProcessing.Core.Tests.Catalog;

/// <summary>
/// Model-based check of the inventory: any generated sequence of reserve, release and ship steps (repeats included,
/// a product that does not exist included) gives the outcome a simple model predicts, and after every step stock is
/// conserved and never negative.
/// </summary>
public class ReservationPropertyTests
{
    private const int Products = 3; // product index 3 is never stocked

    public enum Op
    {
        Reserve,
        Release,
        Ship,
    }

    private static readonly Gen<Step> Steps =
        from op in Gen.Elements(Op.Reserve, Op.Release, Op.Ship)
        from order in Gen.Choose(0, 3)
        from product in Gen.Frequency((9, Gen.Choose(0, Products - 1)), (1, Gen.Constant(Products)))
        from quantity in Gen.Choose(1, 15)
        select new Step(op, order, product, quantity);

    private static readonly Gen<Scenario> Scenarios =
        from stock in Gen.ArrayOf(Gen.Choose(0, 30), Products)
        from length in Gen.Choose(0, 80)
        from steps in Gen.ArrayOf(Steps, length)
        select new Scenario(stock, steps);

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property AnySequence_MatchesTheModel_ConservesStock_AndNeverGoesNegative() =>
        Prop.ForAll(Scenarios.ToArbitrary(), scenario =>
        {
            var divergence = Run(scenario);
            return (divergence is null).Label(divergence ?? "matches the model");
        });

    [Test]
    public void TheModelCheck_DetectsADivergence()
    {
        // Guards the property above against passing vacuously: a scenario whose recorded expectation is wrong must be caught.
        var scenario = new Scenario([5, 0, 0], [new Step(Op.Reserve, 0, 0, 3), new Step(Op.Reserve, 0, 0, 3)]);

        Assert.That(Run(scenario, corruptModel: true), Is.Not.Null);
        Assert.That(Run(scenario), Is.Null);
    }

    // Returns null when every step matched the model, else a description of the first mismatch.
    private static string? Run(Scenario scenario, bool corruptModel = false)
    {
        var catalog = new InMemoryCatalog();
        var available = scenario.Stock.ToArray();
        var reserved = new int[Products];
        var shipped = new int[Products];
        var reservations = new Dictionary<(int Order, int Product), (int Quantity, Op State)>();
        for (var p = 0; p < Products; p++)
        {
            catalog.UpsertAsync(Sku(p), "P", new Money(1m, Currency.Usd), available[p]).GetAwaiter().GetResult();
        }

        foreach (var (step, index) in scenario.Steps.Select((s, i) => (s, i)))
        {
            object actual;
            object expected;
            var key = (step.Order, step.Product);
            var exists = reservations.TryGetValue(key, out var r);
            switch (step.Op)
            {
                case Op.Reserve:
                    actual = catalog.ReserveAsync(Ord(step.Order), Sku(step.Product), step.Quantity).GetAwaiter().GetResult();
                    if (exists)
                    {
                        expected = r.State == Op.Reserve && !corruptModel ? ReservationOutcome.AlreadyReserved : ReservationOutcome.AlreadySettled;
                    }
                    else if (step.Product >= Products)
                    {
                        expected = ReservationOutcome.UnknownProduct;
                    }
                    else if (available[step.Product] < step.Quantity)
                    {
                        expected = ReservationOutcome.InsufficientStock;
                    }
                    else
                    {
                        expected = ReservationOutcome.Reserved;
                        available[step.Product] -= step.Quantity;
                        reserved[step.Product] += step.Quantity;
                        reservations[key] = (step.Quantity, Op.Reserve);
                    }

                    break;
                case Op.Release:
                    actual = catalog.ReleaseAsync(Ord(step.Order), Sku(step.Product)).GetAwaiter().GetResult();
                    expected = exists && r.State != Op.Release;
                    if (exists && r.State != Op.Release)
                    {
                        (r.State == Op.Reserve ? reserved : shipped)[step.Product] -= r.Quantity;
                        available[step.Product] += r.Quantity;
                        reservations[key] = (r.Quantity, Op.Release);
                    }

                    break;
                default:
                    actual = catalog.ShipAsync(Ord(step.Order), Sku(step.Product)).GetAwaiter().GetResult();
                    expected = exists && r.State == Op.Reserve;
                    if (exists && r.State == Op.Reserve)
                    {
                        reserved[step.Product] -= r.Quantity;
                        shipped[step.Product] += r.Quantity;
                        reservations[key] = (r.Quantity, Op.Ship);
                    }

                    break;
            }

            if (!actual.Equals(expected))
            {
                return $"step {index} {step}: got {actual}, model says {expected}";
            }

            for (var p = 0; p < Products; p++)
            {
                var level = catalog.GetStockAsync(Sku(p)).GetAwaiter().GetResult()!;
                if (level != new StockLevel(available[p], reserved[p], shipped[p]))
                {
                    return $"step {index} {step}: {Sku(p)} is {level}, model says {available[p]}/{reserved[p]}/{shipped[p]}";
                }

                if (level.Stocked != scenario.Stock[p] || level.Available < 0 || level.Reserved < 0 || level.Shipped < 0)
                {
                    return $"step {index} {step}: {Sku(p)} is {level}, stocked {scenario.Stock[p]}";
                }
            }
        }

        return null;
    }

    private static string Sku(int product) => $"sku-{product}";

    private static string Ord(int order) => $"ord_{order}";

    public sealed record Step(Op Op, int Order, int Product, int Quantity);

    public sealed record Scenario(int[] Stock, Step[] Steps)
    {
        public override string ToString() => $"stock [{string.Join(", ", Stock)}], steps [{string.Join("; ", Steps.Select(s => $"{s.Op} o{s.Order} p{s.Product} x{s.Quantity}"))}]";
    }
}
