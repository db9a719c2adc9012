using System.Collections.Concurrent;
using OrderProcessing.Core.Common;

namespace OrderProcessing.Reliability.Faults;

/// <summary>
/// The fault logic every port decorator shares. Around each call made by a stage or the API: maybe stall (stages only),
/// run the race hook (stages only: an API cancel landing mid-stage), maybe fail transiently before the call, make the
/// call, and after a side effect maybe crash. Calls outside a <see cref="CallerScope"/> (set-up, checks) pass through.
/// </summary>
internal sealed class PortFaults(FaultOptions options)
{
    private readonly ConcurrentDictionary<string, int> _occurrences = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _crashPointsSeen = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _transient = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _crashes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _sideEffectKinds = new(StringComparer.Ordinal);
    private int _stalls;
    private int _calls;
    private long _writes;

    /// <summary>No faults: decorators become transparent.</summary>
    public static PortFaults None { get; } = new(FaultOptions.None);

    /// <summary>The logical clock stalls wait on; without one, nothing stalls.</summary>
    public IStallClock? Clock { get; set; }

    /// <summary>Called before every stage call with (stage, operation, orderId): lets a run race an API request against the stage.</summary>
    public Func<string, string, string, Task>? BeforeStageCall { get; set; }

    /// <summary>Whether a crash after a side effect is injected for API callers too (their client then retries).</summary>
    public bool CrashApiCalls { get; init; } = true;

    /// <summary>Side effects that changed something (store writes, gateway and carrier calls), by any caller: what the bad-input run watches.</summary>
    public long Writes => Interlocked.Read(ref _writes);

    /// <summary>Counts so far.</summary>
    public FaultCounts Counts => new(
        new SortedDictionary<string, int>(_transient, StringComparer.Ordinal),
        new SortedDictionary<string, int>(_crashes, StringComparer.Ordinal),
        _sideEffectKinds.Keys.Order(StringComparer.Ordinal).ToList(),
        _stalls,
        _calls);

    /// <summary>A store read: transient failures only.</summary>
    public Task<T> ReadAsync<T>(string operation, string orderId, string detail, Func<Task<T>> call) =>
        AroundAsync(operation, orderId, detail, sideEffect: false, store: true, call);

    /// <summary>
    /// A store write: transient failures before, a crash after. <paramref name="changed"/> tells from the result whether
    /// the store changed (a conditional write that found its condition false changed nothing); by default it did.
    /// </summary>
    public Task<T> WriteAsync<T>(string operation, string orderId, string detail, Func<Task<T>> call, Func<T, bool>? changed = null) =>
        AroundAsync(operation, orderId, detail, sideEffect: true, store: true, call, changed);

    /// <summary>A store write without a result.</summary>
    public Task WriteAsync(string operation, string orderId, string detail, Func<Task> call) =>
        AroundAsync(operation, orderId, detail, sideEffect: true, store: true, async () =>
        {
            await call().ConfigureAwait(false);
            return true;
        });

    /// <summary>
    /// A call to an outside service (gateway, carrier): a crash after it, but no injected transient failure, which is
    /// the store's fault model; the gateway's own transient failure is <c>tok_flaky</c>.
    /// </summary>
    public Task<T> ExternalAsync<T>(string operation, string orderId, Func<Task<T>> call) =>
        AroundAsync(operation, orderId, "", sideEffect: true, store: false, call);

    private async Task<T> AroundAsync<T>(string operation, string subject, string detail, bool sideEffect, bool store, Func<Task<T>> call, Func<T, bool>? changed = null)
    {
        var caller = CallerScope.Current;
        if (caller is null)
        {
            var plain = await call().ConfigureAwait(false);
            if (sideEffect && (changed is null || changed(plain)))
            {
                Interlocked.Increment(ref _writes);
            }

            return plain;
        }

        Interlocked.Increment(ref _calls);
        var isStage = caller != CallerScope.Api;
        var point = $"{caller}|{operation}|{subject}|{detail}";
        var kind = $"{caller} {operation}";
        if (isStage)
        {
            await MaybeStallAsync(point).ConfigureAwait(false);
            if (BeforeStageCall is { } hook)
            {
                await hook(caller, operation, subject).ConfigureAwait(false);
            }
        }

        var occurrence = _occurrences.AddOrUpdate(point, 1, (_, n) => n + 1);
        if (store && StableHash.Unit(options.Seed, "transient", point, occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture)) < options.TransientRate)
        {
            _transient.AddOrUpdate(kind, 1, (_, n) => n + 1);
            throw new TransientFailureException($"injected: {operation} for '{subject}' is temporarily unavailable (call {occurrence} as {caller})");
        }

        var result = await call().ConfigureAwait(false);
        if (sideEffect && (changed is null || changed(result)))
        {
            Interlocked.Increment(ref _writes);
        }

        if (sideEffect && (isStage || CrashApiCalls))
        {
            // The first side effect of each kind always crashes, so every kind is covered whatever the rate; after that,
            // each crash point crashes at most once (a redelivery then gets past it, as a restarted process would).
            var firstOfKind = _sideEffectKinds.TryAdd(kind, 0) && options.CrashRate > 0;
            if (_crashPointsSeen.TryAdd(point, 0) && (firstOfKind || StableHash.Unit(options.Seed, "crash", point) < options.CrashRate))
            {
                _crashes.AddOrUpdate(kind, 1, (_, n) => n + 1);
                throw new InjectedCrashException($"injected crash after {operation} for '{subject}' ({caller})");
            }
        }

        return result;
    }

    private async Task MaybeStallAsync(string point)
    {
        if (Clock is not { } clock || options.StallRate <= 0)
        {
            return;
        }

        var occurrence = _occurrences.GetValueOrDefault(point) + 1;
        var roll = StableHash.Unit(options.Seed, "stall", point, occurrence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (roll < options.StallRate)
        {
            Interlocked.Increment(ref _stalls);
            var ticks = 1 + (int)(roll / options.StallRate * options.MaxStallTicks);
            await clock.WaitTicksAsync(ticks).ConfigureAwait(false);
        }
    }
}
