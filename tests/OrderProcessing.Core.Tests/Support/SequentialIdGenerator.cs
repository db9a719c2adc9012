using System.Globalization;
using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Tests.Support;

/// <summary>Order ids <c>ord_0001</c>, <c>ord_0002</c>, ... in call order; safe to call from parallel tasks.</summary>
public sealed class SequentialIdGenerator : IIdGenerator
{
    private int _next;

    /// <summary>How many ids were handed out.</summary>
    public int Issued => Volatile.Read(ref _next);

    public string NewOrderId() => "ord_" + Interlocked.Increment(ref _next).ToString("D4", CultureInfo.InvariantCulture);
}
