namespace OrderProcessing.Reliability.Concurrency;

/// <summary>Starts many tasks on the thread pool and releases them at once, so their requests really overlap.</summary>
internal static class StartingGate
{
    /// <summary>Runs <paramref name="count"/> copies of <paramref name="body"/> (given their index), all released together.</summary>
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var ready = new CountdownEvent(count);
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count).Select(i => Task.Run(async () =>
        {
            ready.Signal();
            await go.Task.ConfigureAwait(false);
            return await body(i).ConfigureAwait(false);
        })).ToArray();
        ready.Wait();
        go.SetResult();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
