namespace OrderProcessing.Topology.Storage;

/// <summary>Attribute names of an idempotency record.</summary>
public static class IdempotencyItemAttributes
{
    /// <summary>Table partition key: the client's <c>Idempotency-Key</c> (S).</summary>
    public const string IdempotencyKey = "idempotencyKey";

    /// <summary>Hash of the first request's meaning (S).</summary>
    public const string RequestFingerprint = "requestFingerprint";

    /// <summary>The order the first request created (S).</summary>
    public const string OrderId = "orderId";

    /// <summary>When the record was made, UTC ISO 8601 (S).</summary>
    public const string CreatedAt = "createdAt";

    /// <summary>
    /// Expiry in epoch seconds, rounded up (N): the table's time-to-live attribute. DynamoDB deletes expired items late
    /// (often hours), so a claim treats a record past <see cref="ExpiresAtUtc"/> as free without waiting for the delete.
    /// </summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>Exact expiry, UTC fixed-width ISO 8601 (S), compared as a string in the claim's condition.</summary>
    public const string ExpiresAtUtc = "expiresAtUtc";

    /// <summary>Customer e-mail ledger: who holds the claim to send (a random id per attempt).</summary>
    public const string MailClaimId = "mailClaimId";

    /// <summary>Customer e-mail ledger: until when the claim holds, UTC ISO 8601; a later delivery may take it over after.</summary>
    public const string MailLeaseUntilUtc = "mailLeaseUntilUtc";

    /// <summary>Customer e-mail ledger: the transport's message id once the e-mail was sent.</summary>
    public const string MailMessageId = "mailMessageId";
}
