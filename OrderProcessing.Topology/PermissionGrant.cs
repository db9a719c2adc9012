namespace OrderProcessing.Topology;

/// <summary>Exact actions allowed on one resource. Never a wildcard action.</summary>
public sealed record PermissionGrant(IReadOnlyList<string> Actions, ResourceRef Resource);
