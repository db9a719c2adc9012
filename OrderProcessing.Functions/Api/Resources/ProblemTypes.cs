using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Api.Resources;

/// <summary>The <c>type</c> URIs of the API's problem documents, one per way a request can fail.</summary>
public static class ProblemTypes
{
    private const string Prefix = CallerRefusals.ProblemTypePrefix;

    /// <summary>400: the input broke rules; <c>errors</c> lists them by field.</summary>
    public const string ValidationFailed = Prefix + "validation-failed";

    /// <summary>
    /// 401: no token, or one that is expired, not yet valid, badly signed, unsigned, or for another issuer or audience;
    /// answered with <c>WWW-Authenticate: Bearer error="invalid_token"</c> by whoever verifies tokens (API Gateway's
    /// authorizer in AWS, the local host locally) and by the function when a protected route arrives without claims.
    /// </summary>
    public const string Unauthorized = CallerRefusals.UnauthorizedType;

    /// <summary>403: the caller is known but may not do this (a customer on an operator route, or placing an order for someone else).</summary>
    public const string Forbidden = CallerRefusals.ForbiddenType;

    /// <summary>422: a history export would not fit one API response (API Gateway's proxy limit); export a narrower range.</summary>
    public const string ExportTooLarge = Prefix + "export-too-large";

    /// <summary>404: no such resource or route.</summary>
    public const string NotFound = CallerRefusals.NotFoundType;

    /// <summary>405: the path exists, the method does not; <c>Allow</c> lists the methods.</summary>
    public const string MethodNotAllowed = Prefix + "method-not-allowed";

    /// <summary>409: the order's status does not allow the requested move.</summary>
    public const string InvalidTransition = Prefix + "invalid-transition";

    /// <summary>409: the move records a pipeline stage's work, so only that stage makes it; an operator may only give an order up.</summary>
    public const string OperatorMoveNotAllowed = Prefix + "operator-move-not-allowed";

    /// <summary>409: only terminal orders can be deleted.</summary>
    public const string NotDeletable = Prefix + "not-deletable";

    /// <summary>409: the order ended too recently to delete (its stock and payment may still be on their way back); retry after <c>Retry-After</c>.</summary>
    public const string StillSettling = Prefix + "still-settling";

    /// <summary>409: the <c>Idempotency-Key</c> was used before with a different body.</summary>
    public const string IdempotencyKeyReused = Prefix + "idempotency-key-reused";

    /// <summary>409: the <c>Idempotency-Key</c> was replayed after its order was deleted; a new order needs a new key.</summary>
    public const string IdempotencyKeyOrderDeleted = Prefix + "idempotency-key-order-deleted";

    /// <summary>409: another request changed the resource at the same moment; retrying decides on its new state.</summary>
    public const string Conflict = Prefix + "conflict";

    /// <summary>413: the body is larger than 64 KiB.</summary>
    public const string PayloadTooLarge = Prefix + "payload-too-large";

    /// <summary>415: the body is not <c>application/json</c> in UTF-8.</summary>
    public const string UnsupportedMediaType = Prefix + "unsupported-media-type";

    /// <summary>503: a dependency failed transiently; retry after <c>Retry-After</c> seconds.</summary>
    public const string Unavailable = Prefix + "temporarily-unavailable";

    /// <summary>500: an unexpected failure, logged with the request id.</summary>
    public const string InternalError = Prefix + "internal-error";
}
