namespace OrderProcessing.Topology.Naming;

/// <summary>One physical AWS name chosen by the plan, with its kind, so every name can be checked against AWS's rules and for clashes.</summary>
public sealed record PhysicalName(NameKind Kind, string Value);
