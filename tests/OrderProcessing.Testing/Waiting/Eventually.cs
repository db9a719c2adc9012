namespace OrderProcessing.Testing.Waiting;

/// <summary>Waits for background work to reach a state. The limit only stops a hung test; nothing asserts how long it took.</summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<bool> condition, string what, TimeSpan? limit = null)
    {
        using var timeout = new CancellationTokenSource(limit ?? Limit);
        while (!condition())
        {
            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? limit = null)
        where T : struct
    {
        using var timeout = new CancellationTokenSource(limit ?? Limit);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"Timed out waiting until {what}.");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
