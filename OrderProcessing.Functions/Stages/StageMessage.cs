namespace OrderProcessing.Functions.Stages;

/// <summary>What a stage needs from one queue message: the order it is about and, for logs, what the stream said.</summary>
/// <param name="OrderId">The order id from the record's keys.</param>
/// <param name="EventName"><c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</param>
/// <param name="NewStatus">The status in the record's new image, if it has one.</param>
internal sealed record StageMessage(string OrderId, string EventName, string? NewStatus);
