using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Pricing;

/// <summary>Two amounts of different currencies were combined. Money never converts implicitly.</summary>
public sealed class CurrencyMismatchException : OrderProcessingException
{
    /// <summary>Creates the exception naming both currencies.</summary>
    public CurrencyMismatchException(Currency left, Currency right)
        : base($"Cannot combine amounts in {left.Code} and {right.Code}.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>The first currency.</summary>
    public Currency Left { get; }

    /// <summary>The second currency.</summary>
    public Currency Right { get; }
}
