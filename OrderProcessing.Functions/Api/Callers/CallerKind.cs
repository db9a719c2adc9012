namespace OrderProcessing.Functions.Api.Callers;

/// <summary>The kinds of caller the API tells apart.</summary>
internal enum CallerKind
{
    /// <summary>No verified claims: only public routes.</summary>
    Anonymous,

    /// <summary>A signed-in customer: their own orders only.</summary>
    Customer,

    /// <summary>An operator: everything, on any customer's orders.</summary>
    Operator,
}
