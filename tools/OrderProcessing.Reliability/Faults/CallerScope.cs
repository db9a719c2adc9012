namespace OrderProcessing.Reliability.Faults;

/// <summary>
/// Who is calling a port right now: a stage (by its topology name), the API, or nobody (set-up and checks, which
/// must see the stores without faults). Carried by an <see cref="AsyncLocal{T}"/> so decorators need no extra argument.
/// </summary>
internal static class CallerScope
{
    /// <summary>The caller name used for API requests.</summary>
    public const string Api = "api";

    private static readonly AsyncLocal<string?> CurrentCaller = new();

    /// <summary>The current caller, or null outside any scope (no faults are injected then).</summary>
    public static string? Current => CurrentCaller.Value;

    /// <summary>Runs <paramref name="action"/> as <paramref name="caller"/>; the previous caller is restored afterwards.</summary>
    public static async Task<T> RunAsync<T>(string? caller, Func<Task<T>> action)
    {
        // An async method gets its own copy of the execution context, so the assignment ends with it.
        CurrentCaller.Value = caller;
        return await action().ConfigureAwait(false);
    }
}
