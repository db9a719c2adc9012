namespace OrderProcessing.Reliability.Chaos;

/// <summary>What the client saw for one order intent: its order id, attempts, replays, the cancellation and deletion.</summary>
internal sealed class IntentOutcome(OrderIntent intent)
{
    private readonly List<string> _errors = [];
    private readonly Lock _gate = new();
    private int _cancelFired;

    /// <summary>The intent.</summary>
    public OrderIntent Intent { get; } = intent;

    /// <summary>The order id of the first 2xx answer.</summary>
    public string? OrderId { get; set; }

    /// <summary>POST attempts, retries included.</summary>
    public int PlaceAttempts { get; set; }

    /// <summary>2xx answers that were replays of the first (after a lost answer).</summary>
    public int Replays { get; set; }

    /// <summary>What became of the cancellation.</summary>
    public CancelOutcome Cancel { get; set; } = CancelOutcome.None;

    /// <summary>True once the cancellation has been sent.</summary>
    public bool CancelFired => Volatile.Read(ref _cancelFired) == 1;

    /// <summary>Claims the right to send the cancellation: true exactly once, even for concurrent stage deliveries.</summary>
    public bool TryFireCancel() => Interlocked.Exchange(ref _cancelFired, 1) == 0;

    /// <summary>DELETE requests sent, retries included.</summary>
    public int DeleteAttempts { get; set; }

    /// <summary>DELETE answered 409 because the cancelled order was still settling.</summary>
    public int DeleteRefusals { get; set; }

    /// <summary>True once a DELETE succeeded.</summary>
    public bool Deleted { get; set; }

    /// <summary>Problems the client saw that the contract rules out (a second order id for one key, a 4xx for a valid request).</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_gate)
            {
                return _errors.ToList();
            }
        }
    }

    /// <summary>Records a contract violation.</summary>
    public void AddError(string error)
    {
        lock (_gate)
        {
            _errors.Add(error);
        }
    }
}
