namespace OrderProcessing.Core.Common;

/// <summary>Creates identifiers. A port so tests can make them deterministic.</summary>
public interface IIdGenerator
{
    /// <summary>A new, unique order identifier.</summary>
    string NewOrderId();
}
