namespace OrderProcessing.Benchmarks.Warm;

/// <summary>Checks made before measuring, so a benchmark never times an error path by mistake.</summary>
public static class Expect
{
    /// <summary>Throws unless <paramref name="actual"/> is <paramref name="expected"/>.</summary>
    public static void Status(int expected, int actual, string what)
    {
        if (actual != expected)
        {
            throw new InvalidOperationException($"{what} answered {actual}, not {expected}: the benchmark would measure the wrong path.");
        }
    }

    /// <summary>Throws unless the stage reported no failed message.</summary>
    public static void NoFailures(int failures, string what)
    {
        if (failures != 0)
        {
            throw new InvalidOperationException($"{what} reported {failures} failed message(s): the benchmark would measure the wrong path.");
        }
    }
}
