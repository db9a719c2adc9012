namespace OrderProcessing.Reliability.Chaos;

/// <summary>What became of a client's cancellation.</summary>
internal enum CancelOutcome
{
    /// <summary>The order had no cancellation planned.</summary>
    None,

    /// <summary>The planned point was never reached (the order ended before that stage call).</summary>
    PointNotReached,

    /// <summary>200: the order is cancelled.</summary>
    Accepted,

    /// <summary>A retry after a lost answer got 409, and reading the order showed it cancelled: the first attempt had won.</summary>
    AcceptedAnswerLost,

    /// <summary>409: the order had shipped or ended first.</summary>
    TooLate,
}
