using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Idempotency;

/// <summary>
/// An <c>Idempotency-Key</c> was replayed after the order it created was deleted: the first answer can no longer be
/// given, and the order is not created again. HTTP 409; a new order needs a new key.
/// </summary>
public sealed class IdempotencyKeyOrderDeletedException()
    : ConflictException("The order created with this Idempotency-Key was deleted; to place a new order, send it with a new Idempotency-Key.");
