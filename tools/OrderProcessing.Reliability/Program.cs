using OrderProcessing.Reliability.Chaos;
using OrderProcessing.Reliability.Stores;

var report = await ChaosRun.RunAsync(new InMemoryStoreProvider(), new CoreSystemHost(), new ChaosOptions
{
    Orders = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture),
    Seed = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
    DeleteAfterCancelRate = double.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture),
    CancelRate = double.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture),
    Faults = new OrderProcessing.Reliability.Faults.FaultOptions { CrashRate = double.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture), StallRate = double.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture), TransientRate = double.Parse(args[6], System.Globalization.CultureInfo.InvariantCulture), MaxStallTicks = int.Parse(args[7], System.Globalization.CultureInfo.InvariantCulture) },
});
Console.WriteLine($"elapsed {report.Elapsed}, ticks {report.Dispatch.Ticks}, receives {report.Dispatch.Receives}, faults: transient {report.Faults.Transient}, crashes {report.Faults.Crashes}, stalls {report.Faults.Stalls}");
foreach (var s in report.Dispatch.Stages)
{
    Console.WriteLine(s);
}

foreach (var inv in report.Invariants)
{
    Console.WriteLine($"{(inv.Holds ? "OK  " : "FAIL")} {inv.Name}: {inv.Counts}");
    foreach (var v in inv.Violations.Take(10))
    {
        Console.WriteLine($"       {v}");
    }
}

Console.WriteLine("never crashed: " + string.Join("; ", report.Faults.SideEffectPointsNeverCrashed));
return report.AllHold ? 0 : 1;
