namespace OrderProcessing.Core.Payments;

/// <summary>The simulated gateway's test tokens, like card networks' test cards.</summary>
public static class TestPaymentTokens
{
    /// <summary>Approves.</summary>
    public const string Visa = "tok_visa";

    /// <summary>Approves.</summary>
    public const string Mastercard = "tok_mastercard";

    /// <summary>Declines: card declined.</summary>
    public const string Declined = "tok_declined";

    /// <summary>Declines: insufficient funds.</summary>
    public const string InsufficientFunds = "tok_insufficient_funds";

    /// <summary>Fails transiently on the first attempt for an order, then approves.</summary>
    public const string Flaky = "tok_flaky";

    /// <summary>Every test token.</summary>
    public static IReadOnlyList<string> All { get; } = [Visa, Mastercard, Declined, InsufficientFunds, Flaky];
}
