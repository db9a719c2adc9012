namespace OrderProcessing.Reliability.BadInput;

/// <summary>What the bad-input run sends proxy events to: the API function's Lambda entry point.</summary>
internal interface IHttpTarget
{
    /// <summary>Sends one API Gateway proxy event (JSON) and returns the function's answer.</summary>
    Task<HttpAnswer> SendAsync(string proxyEventJson, CancellationToken cancellationToken = default);
}
