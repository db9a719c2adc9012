namespace OrderProcessing.Functions.Stages;

/// <summary>Why a stage failed a message; every kind is retried and dead-lettered after the receive limit.</summary>
public enum StageFailureKind
{
    /// <summary>The message cannot be read as a stage message.</summary>
    Poison,

    /// <summary>A dependency failed in a way worth retrying.</summary>
    Transient,

    /// <summary>Anything else.</summary>
    Unexpected,
}
