using Pulumi;

namespace OrderProcessing.Infra.Tests.Support;

/// <summary>Reads the value of an output once the mocked deployment has resolved it.</summary>
public static class OutputExtensions
{
    /// <summary>The output's value; fails instead of hanging when it never resolves (an unknown value).</summary>
    public static async Task<T> ValueAsync<T>(this Output<T> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var value = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = output.Apply(v =>
        {
            value.TrySetResult(v);
            return v;
        });
        return await value.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
