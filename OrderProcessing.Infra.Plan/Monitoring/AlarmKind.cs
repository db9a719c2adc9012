namespace OrderProcessing.Infra.Plan.Monitoring;

/// <summary>What an alarm watches.</summary>
public enum AlarmKind
{
    /// <summary>Messages waiting in a dead-letter queue: work that failed every retry.</summary>
    DeadLetters,

    /// <summary>Invocations of a function that failed.</summary>
    FunctionErrors,

    /// <summary>Invocations of a function that Lambda throttled.</summary>
    FunctionThrottles,

    /// <summary>Requests the API answered with a 5xx.</summary>
    ApiServerErrors,

    /// <summary>The sweeper nudged an order a second time in the same status: a nudge did not get it moving.</summary>
    StuckOrders,
}
