namespace OrderProcessing.Core.Tests.Support;

/// <summary>Thrown by test doubles where a real process would have died.</summary>
public sealed class SimulatedCrashException() : Exception("simulated crash");
