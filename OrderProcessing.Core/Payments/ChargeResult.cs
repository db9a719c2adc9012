namespace OrderProcessing.Core.Payments;

/// <summary>What the gateway answered to a charge.</summary>
public sealed record ChargeResult(bool Approved, string PaymentId, string Reason);
