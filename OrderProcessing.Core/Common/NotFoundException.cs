namespace OrderProcessing.Core.Common;

/// <summary>The addressed resource does not exist. HTTP 404.</summary>
public class NotFoundException : OrderProcessingException
{
    /// <summary>Creates the exception for a resource of <paramref name="kind"/> with <paramref name="id"/>.</summary>
    public NotFoundException(string kind, string id)
        : base($"{kind} '{id}' was not found.")
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>What was looked for (<c>order</c>, <c>product</c>, <c>invoice</c>).</summary>
    public string Kind { get; }

    /// <summary>The identifier that was not found.</summary>
    public string Id { get; }
}
