namespace OrderProcessing.Core.Idempotency;

/// <summary>What an <c>Idempotency-Key</c> was first used for: the request's fingerprint and the order it creates.</summary>
public sealed record IdempotencyRecord(string Key, string RequestFingerprint, string OrderId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
