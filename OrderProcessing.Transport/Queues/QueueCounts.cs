namespace OrderProcessing.Transport.Queues;

/// <summary>What a stage queue holds right now, like SQS's approximate counts.</summary>
/// <param name="Stage">The stage (function name).</param>
/// <param name="Visible">Messages ready to be received.</param>
/// <param name="Delayed">Messages waiting out a retry delay.</param>
/// <param name="InFlight">Messages received and not yet deleted or failed.</param>
/// <param name="DeadLetters">Messages in the stage's dead-letter list.</param>
/// <param name="Delivered">Messages processed successfully (deleted) since start.</param>
/// <param name="Paused">True while the stage receives nothing (its event source mapping disabled).</param>
public sealed record QueueCounts(string Stage, int Visible, int Delayed, int InFlight, int DeadLetters, long Delivered, bool Paused = false)
{
    /// <summary>Messages still to be processed: visible, delayed or in flight.</summary>
    public int Pending => Visible + Delayed + InFlight;
}
