using OrderProcessing.Topology;

namespace OrderProcessing.Functions.Api.Callers;

/// <summary>
/// Who calls, as the verified claims say: anonymous, a customer (their id is the token's subject) or an operator. An
/// operator may also carry a customer identity (a signed-in operator's own token), which only <c>/customers/me</c> uses.
/// </summary>
internal sealed class Caller
{
    private Caller(CallerKind kind, string? customerId, string? email, string? name)
    {
        Kind = kind;
        CustomerId = customerId;
        Email = email;
        Name = name;
    }

    /// <summary>No verified claims.</summary>
    public static Caller Anonymous { get; } = new(CallerKind.Anonymous, null, null, null);

    /// <summary>An operator with no customer identity (IAM, API key, or no checking).</summary>
    public static Caller Machine { get; } = new(CallerKind.Operator, null, null, null);

    public CallerKind Kind { get; }

    /// <summary>The token's subject, when there is one.</summary>
    public string? CustomerId { get; }

    public string? Email { get; }

    public string? Name { get; }

    /// <summary>The customer whose orders alone this caller may see, or null when it may see every order (an operator).</summary>
    public string? OwnOrdersOnly => Kind == CallerKind.Customer ? CustomerId : null;

    public static Caller Customer(string customerId, string? email, string? name) => new(CallerKind.Customer, customerId, email, name);

    public static Caller Operator(string? customerId, string? email, string? name) => new(CallerKind.Operator, customerId, email, name);

    /// <summary>Whether the caller may call a route of <paramref name="access"/> at all (ownership is the endpoint's, through Core).</summary>
    public bool May(ApiAccess access) => access switch
    {
        ApiAccess.Public => true,
        ApiAccess.Customer => Kind != CallerKind.Anonymous,
        _ => Kind == CallerKind.Operator,
    };
}
