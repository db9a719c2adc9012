using OrderProcessing.Functions.Adapters.Aws;
using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Composition;

/// <summary>
/// How long one invocation may wait on its stores, derived from the function's <see cref="FunctionDefinition.TimeoutSeconds"/>.
/// Every store call of an invocation shares one budget that ends <see cref="Margin"/> before Lambda's timeout, so the
/// function still has time to answer (the API a <c>503</c> with <c>Retry-After</c>, a stage its unfinished messages as
/// batch item failures) instead of being stopped mid-call, which API Gateway turns into a bare <c>502</c> and SQS into a
/// whole-batch redelivery after the visibility timeout. Each SDK attempt is bounded by <see cref="AttemptTimeout"/>, so
/// one stuck connection leaves room for a retry within the budget.
/// </summary>
public sealed record InvocationTimeouts
{
    /// <summary>Retries after the first attempt of an AWS call (the SDK's standard mode default; DynamoDB's default is 10).</summary>
    public const int DefaultMaxErrorRetry = 2;

    /// <summary>Longest per-attempt timeout derived from a function's timeout; DynamoDB answers in milliseconds when well.</summary>
    public static readonly TimeSpan MaxDerivedAttemptTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Smallest margin kept before Lambda's timeout: enough to log, map the failure and post the answer.</summary>
    public static readonly TimeSpan MinMargin = TimeSpan.FromSeconds(1);

    /// <summary>Time all store calls of one invocation may take together, counted from the invocation's start.</summary>
    public required TimeSpan Budget { get; init; }

    /// <summary>Time kept back between the end of <see cref="Budget"/> and Lambda's timeout, for answering.</summary>
    public required TimeSpan Margin { get; init; }

    /// <summary>Per-attempt timeout and retries of every AWS client the function uses.</summary>
    public required AwsCallLimits Calls { get; init; }

    /// <summary>
    /// The timeouts of <paramref name="function"/>: a margin of a fifth of its timeout (at least <see cref="MinMargin"/>),
    /// the rest as the budget, and each of the <see cref="DefaultMaxErrorRetry"/> + 1 attempts a share of the budget
    /// (at most <see cref="MaxDerivedAttemptTimeout"/>). The API's 15 s give a 12 s budget of 4 s attempts; a stage's
    /// 30 s a 24 s budget of 5 s attempts.
    /// </summary>
    public static InvocationTimeouts For(FunctionDefinition function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var timeout = TimeSpan.FromSeconds(function.TimeoutSeconds);
        var margin = TimeSpan.FromTicks(Math.Max(MinMargin.Ticks, timeout.Ticks / 5));
        var budget = timeout - margin;
        if (budget <= TimeSpan.Zero)
        {
            throw new ArgumentException($"'{function.Name}' has a {function.TimeoutSeconds} s timeout, too short to keep a {margin.TotalSeconds:0.#} s margin for answering.", nameof(function));
        }

        var attempt = TimeSpan.FromTicks(Math.Min(MaxDerivedAttemptTimeout.Ticks, budget.Ticks / (DefaultMaxErrorRetry + 1)));
        return new InvocationTimeouts { Budget = budget, Margin = margin, Calls = new AwsCallLimits(attempt, DefaultMaxErrorRetry) };
    }

    /// <summary>
    /// Starts one invocation's budget: its token is cancelled when <see cref="Budget"/> has passed by <paramref name="clock"/>,
    /// or when <paramref name="deadline"/> (the invocation's own deadline, or a host stopping) is cancelled, whichever comes first.
    /// </summary>
    public InvocationBudget Start(CancellationToken deadline, TimeProvider clock) => new(Budget, deadline, clock);
}
