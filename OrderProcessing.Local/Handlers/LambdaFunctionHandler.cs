using System.Reflection;
using OrderProcessing.Functions.Composition;
using OrderProcessing.Topology;

using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Handlers;

/// <summary>
/// A function of the topology, found by its handler string (<c>Assembly::Namespace.Type::Method</c>) exactly as the
/// Lambda runtime finds it, constructed from a <see cref="FunctionBootstrap"/> and called through its
/// <c>Task&lt;Stream&gt; Method(Stream)</c> entry point. A handler string that names no such type or method stops the
/// host at start, as it would fail the function's first invocation in AWS.
/// </summary>
public sealed class LambdaFunctionHandler : IFunctionHandler
{
    private readonly Func<Stream, Task<Stream>> _entryPoint;

    private LambdaFunctionHandler(string name, Func<Stream, Task<Stream>> entryPoint)
    {
        Name = name;
        _entryPoint = entryPoint;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Resolves <paramref name="function"/>'s handler string and constructs it over <paramref name="bootstrap"/>.</summary>
    public static LambdaFunctionHandler Create(FunctionDefinition function, FunctionBootstrap bootstrap)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(bootstrap);
        var parts = function.Handler.Split("::");
        if (parts.Length != 3)
        {
            throw new InvalidOperationException($"Function '{function.Name}': handler '{function.Handler}' is not Assembly::Type::Method.");
        }

        var assembly = Assembly.Load(new AssemblyName(parts[0]));
        var type = assembly.GetType(parts[1])
            ?? throw new InvalidOperationException($"Function '{function.Name}': assembly {parts[0]} has no type {parts[1]}.");
        var constructor = type.GetConstructor([typeof(FunctionBootstrap)])
            ?? throw new InvalidOperationException($"Function '{function.Name}': {type.FullName} has no constructor taking a {nameof(FunctionBootstrap)}.");
        var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)]);
        if (method is null || method.ReturnType != typeof(Task<Stream>))
        {
            throw new InvalidOperationException($"Function '{function.Name}': {type.FullName} has no public method Task<Stream> {parts[2]}(Stream).");
        }

        object instance;
        try
        {
            instance = constructor.Invoke([bootstrap]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"Function '{function.Name}' failed to start: {e.InnerException.Message}", e.InnerException);
        }

        return new LambdaFunctionHandler(function.Name, method.CreateDelegate<Func<Stream, Task<Stream>>>(instance));
    }

    /// <inheritdoc />
    /// <remarks>
    /// A Lambda handler takes no cancellation token: the runtime stops a function at its timeout from outside. The
    /// caller applies the timeout the same way, by no longer waiting.
    /// </remarks>
    public Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken) => _entryPoint(input);
}
