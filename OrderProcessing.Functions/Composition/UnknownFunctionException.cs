namespace OrderProcessing.Functions.Composition;

/// <summary>A function name (a <c>_HANDLER</c> value) this executable cannot run; the message names it and the ones it can.</summary>
public sealed class UnknownFunctionException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="name"/>.</summary>
    public UnknownFunctionException(string? name)
        : base($"'{name}' is not a function this executable runs; _HANDLER must be one of: {string.Join(", ", FunctionEntryPoints.Names)}.")
    {
        Name = name;
    }

    /// <summary>The unknown name.</summary>
    public string? Name { get; }
}
