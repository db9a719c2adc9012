namespace OrderProcessing.Reliability.Faults;

/// <summary>The dispatcher's logical time, in deliveries started; a stalled call resumes when it has moved on far enough.</summary>
internal interface IStallClock
{
    /// <summary>Completes once <paramref name="ticks"/> more ticks have passed.</summary>
    Task WaitTicksAsync(int ticks);
}
