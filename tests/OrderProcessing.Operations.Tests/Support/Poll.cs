using OrderProcessing.Testing.Waiting;

namespace OrderProcessing.Operations.Tests.Support;

/// <summary><see cref="Eventually"/> for asynchronous probes of reference types (its own ValueAsync takes structs).</summary>
internal static class Poll
{
    public static async Task<T> ForAsync<T>(Func<Task<T?>> probe, string what)
        where T : class
    {
        using var timeout = new CancellationTokenSource(Eventually.Limit);
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
