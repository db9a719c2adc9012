using OrderProcessing.Transport.Invocation;

namespace OrderProcessing.Local.Lambda;

/// <summary>
/// A function invoked through its <see cref="RuntimeApiServer"/>, as Lambda invokes a function on a custom runtime: the
/// event is queued on the Runtime API and whichever runtime polls it (the AOT <c>bootstrap</c> child process) answers.
/// A timeout surfaces as a <see cref="TimeoutException"/>, as the transport and the gateway expect of any function;
/// every other failure as the <see cref="FunctionInvocationException"/> Lambda would report.
/// </summary>
public sealed class RuntimeApiFunctionHandler(RuntimeApiServer server) : IFunctionHandler
{
    /// <inheritdoc />
    public string Name => server.FunctionName;

    /// <inheritdoc />
    public async Task<Stream> InvokeAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var payload = new MemoryStream();
        await input.CopyToAsync(payload, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await server.InvokeAsync(payload.GetBuffer().AsMemory(0, (int)payload.Length), cancellationToken).ConfigureAwait(false);
            return new MemoryStream(response, writable: false);
        }
        catch (FunctionInvocationException e) when (e.IsTimeout)
        {
            throw new TimeoutException(e.ErrorMessage, e);
        }
    }
}
