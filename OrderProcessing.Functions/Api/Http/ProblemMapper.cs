using System.Globalization;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Idempotency;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api.Resources;

namespace OrderProcessing.Functions.Api.Http;

/// <summary>
/// Maps failures to problem responses on purpose: each of Core's exception types to its status, and anything else to a
/// generic 500 that reveals nothing (the caller logs it with context).
/// </summary>
internal static class ProblemMapper
{
    /// <summary>Seconds a client should wait after a transient failure.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>The response for <paramref name="exception"/>, and whether it was expected (a domain outcome, not a defect).</summary>
    public static (HttpResult Result, bool Expected) Map(Exception exception, string instance, string? requestId, DateTimeOffset now)
    {
        HttpResult Problem(int status, string type, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
            HttpResult.Problem(new ProblemDetails { Type = type, Title = title, Status = status, Detail = detail, Instance = instance, Errors = errors, RequestId = requestId });

        return exception switch
        {
            ValidationException e => (Problem(400, ProblemTypes.ValidationFailed, "The request is not valid", "One or more fields broke the API's rules; see errors.", e.Errors), true),
            NotFoundException e => (Problem(404, ProblemTypes.NotFound, "Not found", e.Message), true),
            IdempotencyKeyReusedException e => (Problem(409, ProblemTypes.IdempotencyKeyReused, "Idempotency-Key reused", e.Message), true),
            IdempotencyKeyOrderDeletedException e => (Problem(409, ProblemTypes.IdempotencyKeyOrderDeleted, "The Idempotency-Key's order was deleted", e.Message), true),
            InvalidTransitionException e => (Problem(409, ProblemTypes.InvalidTransition, "The order cannot make this move", e.Message), true),
            OperatorMoveNotAllowedException e => (Problem(409, ProblemTypes.OperatorMoveNotAllowed, "Only the pipeline makes this move", e.Message), true),
            OrderNotDeletableException e => (Problem(409, ProblemTypes.NotDeletable, "The order cannot be deleted", e.Message), true),
            OrderStillSettlingException e => (
                Problem(409, ProblemTypes.StillSettling, "The order is still settling", e.Message)
                    .With("Retry-After", Math.Max(1, (long)Math.Ceiling((e.DeletableFrom - now).TotalSeconds)).ToString(CultureInfo.InvariantCulture)),
                true),
            ConflictException e => (Problem(409, ProblemTypes.Conflict, "Conflicting change", e.Message), true),
            TransientFailureException => (
                Problem(503, ProblemTypes.Unavailable, "Temporarily unavailable", "A dependency failed temporarily; retry the request.")
                    .With("Retry-After", RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)),
                true),
            // The only token a request carries is its store budget: spent means a store did not answer in time, which a
            // retry after a moment may well get past, like any transient failure.
            OperationCanceledException => (
                Problem(503, ProblemTypes.Unavailable, "Temporarily unavailable", "A dependency did not answer in time; retry the request.")
                    .With("Retry-After", RetryAfterSeconds.ToString(CultureInfo.InvariantCulture)),
                true),
            _ => (Problem(500, ProblemTypes.InternalError, "Internal error", "The request failed unexpectedly. It has been logged; quote the request id when reporting it."), false),
        };
    }
}
