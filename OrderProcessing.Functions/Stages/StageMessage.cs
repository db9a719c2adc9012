namespace OrderProcessing.Functions.Stages;

/// <summary>What a stage needs from one queue message: the order it is about and, for logs, what the envelope said.</summary>
/// <param name="OrderId">The order id.</param>
/// <param name="Status">The status the envelope says the order entered.</param>
/// <param name="EventType">The domain event the envelope carries.</param>
/// <param name="Version">The order's version the envelope was written at.</param>
internal sealed record StageMessage(string OrderId, string Status, string EventType, string Version);
