namespace OrderProcessing.Transport.Invocation;

/// <summary>A function given as its Lambda entry point (<c>Task&lt;Stream&gt; Handle(Stream)</c>), under its topology name.</summary>
public sealed class StreamFunctionHandler(string name, Func<Stream, Task<Stream>> entryPoint) : IFunctionHandler
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    /// <remarks>A Lambda handler takes no cancellation token: the caller applies the timeout by no longer waiting.</remarks>
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) => entryPoint(input);
}
