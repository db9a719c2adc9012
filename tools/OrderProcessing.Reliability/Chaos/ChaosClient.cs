using System.Collections.Concurrent;
using OrderProcessing.Core.Orders;
using OrderProcessing.Reliability.Api;
using OrderProcessing.Reliability.Dispatch;
using OrderProcessing.Reliability.Faults;

namespace OrderProcessing.Reliability.Chaos;

/// <summary>
/// The run's API clients. They behave as a careful client should: every POST carries an Idempotency-Key, a 5xx is
/// retried with the same request, and a 409 after a lost answer is resolved by reading the order. Cancellations land
/// either inside a stage's run (through the fault decorators' hook) or some ticks after placement.
/// </summary>
internal sealed class ChaosClient
{
    private const int MaxAttempts = 40;
    private const int MaxDeleteRounds = 200;
    private const int DeleteRetryTicks = 100;
    private readonly IOrderApi _api;
    private readonly ChaosPipeline _dispatcher;
    private readonly ConcurrentDictionary<string, IntentOutcome> _byOrderId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Stage, string OrderId), int> _stageCalls = new();

    /// <summary>Creates the client; outcomes are recorded per intent.</summary>
    public ChaosClient(IOrderApi api, ChaosPipeline dispatcher, IEnumerable<OrderIntent> intents)
    {
        _api = api;
        _dispatcher = dispatcher;
        Outcomes = intents.Select(i => new IntentOutcome(i)).ToList();
    }

    /// <summary>One outcome per intent, in placement order.</summary>
    public IReadOnlyList<IntentOutcome> Outcomes { get; }

    /// <summary>Schedules every placement, <paramref name="everyTicks"/> apart.</summary>
    public void SchedulePlacements(int everyTicks)
    {
        for (var i = 0; i < Outcomes.Count; i++)
        {
            var outcome = Outcomes[i];
            _dispatcher.Schedule((long)i * everyTicks, () => CallerScope.RunAsync(CallerScope.Api, () => PlaceAsync(outcome)));
        }
    }

    /// <summary>The fault decorators' hook: fires a planned cancellation before call N of a stage on the order.</summary>
    public async Task BeforeStageCallAsync(string stage, string operation, string orderId)
    {
        var calls = _stageCalls.AddOrUpdate((stage, orderId), 1, (_, n) => n + 1);
        if (!_byOrderId.TryGetValue(orderId, out var outcome) || outcome.Intent.Cancel is not { Timing: CancelTiming.DuringStage } plan)
        {
            return;
        }

        if (plan.Stage == stage && calls == plan.CallIndex && outcome.TryFireCancel())
        {
            await CallerScope.RunAsync(CallerScope.Api, () => CancelAsync(outcome)).ConfigureAwait(false);
        }
    }

    /// <summary>After the run: stage-point cancellations that never fired.</summary>
    public void MarkUnreachedCancellations()
    {
        foreach (var o in Outcomes.Where(o => o.Intent.Cancel is not null && !o.CancelFired))
        {
            o.Cancel = CancelOutcome.PointNotReached;
        }
    }

    private async Task<bool> PlaceAsync(IntentOutcome outcome)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            outcome.PlaceAttempts++;
            var result = await _api.PlaceAsync(outcome.Intent.Request, outcome.Intent.IdempotencyKey).ConfigureAwait(false);
            if (result.IsServerError)
            {
                continue;
            }

            if (!result.IsSuccess || result.OrderId is null)
            {
                outcome.AddError($"POST /orders answered {result.StatusCode} to a valid request: {result.Detail}");
                return false;
            }

            // The key's first order came back, after an answer that was lost.
            outcome.Replays += result.Replayed ? 1 : 0;

            outcome.OrderId = result.OrderId;
            _byOrderId[result.OrderId] = outcome;
            if (outcome.Intent.Cancel is { Timing: CancelTiming.AfterDelay } plan && outcome.TryFireCancel())
            {
                _dispatcher.Schedule(
                    _dispatcher.Clock.Now + plan.DelayTicks,
                    () => CallerScope.RunAsync(CallerScope.Api, () => CancelAsync(outcome)));
            }

            return true;
        }

        outcome.AddError($"POST /orders failed {MaxAttempts} times in a row");
        return false;
    }

    private async Task<bool> CancelAsync(IntentOutcome outcome)
    {
        var orderId = outcome.OrderId!;
        var answerLost = false;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var result = await _api.CancelAsync(orderId).ConfigureAwait(false);
            if (result.IsServerError)
            {
                answerLost = true;
                continue;
            }

            if (result.StatusCode == 200)
            {
                outcome.Cancel = CancelOutcome.Accepted;
            }
            else if (result.StatusCode == 409)
            {
                var current = answerLost ? await GetAsync(orderId).ConfigureAwait(false) : null;
                outcome.Cancel = current?.OrderStatus == OrderStatus.Cancelled ? CancelOutcome.AcceptedAnswerLost : CancelOutcome.TooLate;
            }
            else
            {
                outcome.AddError($"POST /orders/{{id}}/cancel answered {result.StatusCode}: {result.Detail}");
                return false;
            }

            if (outcome.Cancel is CancelOutcome.Accepted or CancelOutcome.AcceptedAnswerLost && outcome.Intent.Cancel!.DeleteAfter)
            {
                await DeleteAsync(outcome).ConfigureAwait(false);
            }

            return true;
        }

        outcome.AddError($"POST /orders/{{id}}/cancel failed {MaxAttempts} times in a row");
        return false;
    }

    private async Task<bool> DeleteAsync(IntentOutcome outcome, int round = 1)
    {
        var answerLost = false;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            outcome.DeleteAttempts++;
            var result = await _api.DeleteAsync(outcome.OrderId!).ConfigureAwait(false);
            if (result.IsServerError)
            {
                answerLost = true;
                continue;
            }

            if (result.StatusCode == 204 || (result.StatusCode == 404 && answerLost))
            {
                outcome.Deleted = true;
            }
            else if (result.StatusCode == 409 && round < MaxDeleteRounds)
            {
                // The order is still settling (its stock and payment on their way back): come back later.
                outcome.DeleteRefusals++;
                _dispatcher.Schedule(
                    _dispatcher.Clock.Now + DeleteRetryTicks,
                    () => CallerScope.RunAsync(CallerScope.Api, () => DeleteAsync(outcome, round + 1)));
            }
            else
            {
                outcome.AddError($"DELETE /orders/{{id}} of a cancelled order answered {result.StatusCode}: {result.Detail}");
            }

            return true;
        }

        outcome.AddError($"DELETE /orders/{{id}} failed {MaxAttempts} times in a row");
        return false;
    }

    private async Task<ApiResult?> GetAsync(string orderId)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var result = await _api.GetAsync(orderId).ConfigureAwait(false);
            if (!result.IsServerError)
            {
                return result;
            }
        }

        return null;
    }
}
