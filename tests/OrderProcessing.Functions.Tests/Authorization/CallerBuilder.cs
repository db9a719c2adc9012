using OrderProcessing.Topology.Events.ApiGateway;

namespace OrderProcessing.Functions.Tests.Authorization;

/// <summary>The callers of the authorization matrix, as the claims an authorizer would have verified for them.</summary>
public enum TestCaller
{
    Anonymous,
    CustomerA,
    CustomerB,
    Operator,
}

/// <summary>Claims of each <see cref="TestCaller"/>; the customer ids are the subjects.</summary>
internal static class CallerBuilder
{
    public const string CustomerA = "c-alice";
    public const string CustomerB = "c-bob";
    public const string OperatorId = "op-olga";

    public static IReadOnlyDictionary<string, string>? ClaimsOf(TestCaller caller) => caller switch
    {
        TestCaller.CustomerA => Customer(CustomerA, "alice@example.com", "Alice"),
        TestCaller.CustomerB => Customer(CustomerB, "bob@example.com", "Bob"),
        // As the REST API's Cognito authorizer passes a list: one comma-separated string.
        TestCaller.Operator => new Dictionary<string, string>
        {
            [CallerClaims.Subject] = OperatorId,
            [CallerClaims.Email] = "olga@example.com",
            [CallerClaims.Groups] = "staff,operators",
        },
        _ => null,
    };

    public static Dictionary<string, string> Customer(string id, string email, string name) => new()
    {
        [CallerClaims.Subject] = id,
        [CallerClaims.Email] = email,
        [CallerClaims.Name] = name,
    };
}
