using System.Reflection;
using OrderProcessing.Topology;

namespace OrderProcessing.Reliability.Lambda;

/// <summary>
/// Finds a function's entry point from its topology handler string (<c>Assembly::Namespace.Type::Method</c>), as the
/// Lambda runtime does, and creates the type with the first constructor whose parameters it can supply. No second
/// table of function types: a stage added to the topology is picked up, a handler string that names nothing fails.
/// </summary>
internal static class HandlerResolver
{
    /// <summary>An invoker of <paramref name="function"/>'s <c>Task&lt;Stream&gt; Method(Stream)</c> on a new instance.</summary>
    public static Func<Stream, Task<Stream>> Resolve(FunctionDefinition function, IReadOnlyList<object> dependencies)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(dependencies);
        var parts = function.Handler.Split("::");
        if (parts.Length != 3)
        {
            throw new InvalidOperationException($"Handler '{function.Handler}' of '{function.Name}' is not Assembly::Type::Method.");
        }

        var type = Assembly.Load(parts[0]).GetType(parts[1], throwOnError: false)
            ?? throw new InvalidOperationException($"Handler '{function.Handler}' of '{function.Name}' names a type that does not exist.");
        var method = type.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance, [typeof(Stream)])
            ?? throw new InvalidOperationException($"Handler '{function.Handler}' of '{function.Name}' has no public {parts[2]}(Stream).");
        if (method.ReturnType != typeof(Task<Stream>))
        {
            throw new InvalidOperationException($"Handler '{function.Handler}' of '{function.Name}' does not return Task<Stream>.");
        }

        var instance = Create(type, dependencies);
        return input => (Task<Stream>)method.Invoke(instance, [input])!;
    }

    private static object Create(Type type, IReadOnlyList<object> dependencies)
    {
        foreach (var constructor in type.GetConstructors().OrderByDescending(c => c.GetParameters().Length))
        {
            var parameters = constructor.GetParameters();
            // An optional parameter no dependency fills keeps its default (a stage function's failure observer).
            var arguments = parameters.Select(p => dependencies.FirstOrDefault(p.ParameterType.IsInstanceOfType) ?? (p.HasDefaultValue ? p.DefaultValue : null)).ToArray();
            if (parameters.Length > 0 && parameters.Zip(arguments).All(pa => pa.Second is not null || pa.First.HasDefaultValue))
            {
                return constructor.Invoke(arguments);
            }
        }

        throw new InvalidOperationException($"{type.FullName} has no constructor taking only {string.Join(", ", dependencies.Select(d => d.GetType().Name))}.");
    }
}
