using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Idempotency;

/// <summary>An <c>Idempotency-Key</c> was sent again with a different request. HTTP 409.</summary>
public sealed class IdempotencyKeyReusedException()
    : ConflictException("This Idempotency-Key was already used with a different request body.");
