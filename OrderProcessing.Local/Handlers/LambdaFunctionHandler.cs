using OrderProcessing.Functions.Composition;
using OrderProcessing.Topology;

using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Handlers;

/// <summary>
/// A function of the topology, constructed from a <see cref="FunctionBootstrap"/> through
/// <see cref="FunctionEntryPoints"/>, the same table the Lambda <c>bootstrap</c> executable dispatches <c>_HANDLER</c>
/// with. A function the table does not know stops the host at start, as it would fail the function's init in AWS.
/// </summary>
public sealed class LambdaFunctionHandler : IFunctionHandler
{
    private readonly FunctionEntryPoint _entryPoint;

    private LambdaFunctionHandler(string name, FunctionEntryPoint entryPoint)
    {
        Name = name;
        _entryPoint = entryPoint;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Constructs <paramref name="function"/> over <paramref name="bootstrap"/> through <see cref="FunctionEntryPoints"/>.</summary>
    public static LambdaFunctionHandler Create(FunctionDefinition function, FunctionBootstrap bootstrap)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bootstrap);
        try
        {
            return new LambdaFunctionHandler(function.Name, FunctionEntryPoints.Create(function, bootstrap));
        }
        catch (Exception e) when (e is not UnknownFunctionException)
        {
            throw new InvalidOperationException($"Function '{function.Name}' failed to start: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The token reaches the function as the deadline token of a Lambda invocation does; the caller also applies the
    /// timeout by no longer waiting, as Lambda stops a function at its timeout from outside.
    /// </remarks>
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) => _entryPoint.InvokeAsync(input, cancellationToken);
}
