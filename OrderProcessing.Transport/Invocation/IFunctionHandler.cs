namespace OrderProcessing.Transport.Invocation;

/// <summary>
/// A Lambda function as the local host calls it: the managed runtime's contract of a JSON event stream in and a JSON
/// result stream out, so the same handler code runs here and in AWS.
/// </summary>
public interface IFunctionHandler
{
    /// <summary>The function's name in the topology.</summary>
    string Name { get; }

    /// <summary>Invokes the function with one event. The token fires at the function's timeout.</summary>
    Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken);
}
