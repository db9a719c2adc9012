namespace OrderProcessing.Functions.Observability;

/// <summary>Severity of a log line, written upper case (<c>INFO</c>) as Lambda's own JSON logs do.</summary>
public enum LogLevel
{
    /// <summary>Detail for debugging.</summary>
    Debug,

    /// <summary>Normal operation.</summary>
    Info,

    /// <summary>Something failed that will be retried, or input was rejected.</summary>
    Warn,

    /// <summary>Something failed that needs attention.</summary>
    Error,
}
