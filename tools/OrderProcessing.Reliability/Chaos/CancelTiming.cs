namespace OrderProcessing.Reliability.Chaos;

/// <summary>When a client's cancellation lands.</summary>
internal enum CancelTiming
{
    /// <summary>Inside a stage's run, just before one of its store calls: the stage's next conditional write then loses.</summary>
    DuringStage,

    /// <summary>Some ticks after the order was accepted, wherever the pipeline is by then.</summary>
    AfterDelay,
}
