namespace OrderProcessing.Operations.Cli;

/// <summary>A failure the operator can act on: its message is printed as one line, the exit code is non-zero.</summary>
/// <param name="message">What was wrong, naming the stage, order, queue, action or endpoint.</param>
/// <param name="inner">The underlying exception, if any.</param>
public sealed class OperatorException(string message, Exception? inner = null) : Exception(message, inner);
