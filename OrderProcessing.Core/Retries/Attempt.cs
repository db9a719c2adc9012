namespace OrderProcessing.Core.Retries;

/// <summary>
/// What one attempt of a <see cref="ContentionRetry"/> came to: done with a value, or lost a race (or was asked to slow
/// down) and should be tried again.
/// </summary>
/// <typeparam name="T">The operation's result.</typeparam>
public readonly record struct Attempt<T>
{
    private Attempt(bool succeeded, T value)
    {
        Succeeded = succeeded;
        Value = value;
    }

    /// <summary>True when the operation is done and <see cref="Value"/> is its result.</summary>
    public bool Succeeded { get; }

    /// <summary>The result when <see cref="Succeeded"/>; the default otherwise.</summary>
    public T Value { get; }

    /// <summary>The attempt lost a race or was throttled: try again, after the retry's backoff.</summary>
    public static Attempt<T> Again => default;

    /// <summary>The operation is done with <paramref name="value"/>.</summary>
    public static Attempt<T> Done(T value) => new(true, value);
}
