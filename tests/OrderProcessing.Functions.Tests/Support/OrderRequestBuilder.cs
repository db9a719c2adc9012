using System.Text.Json.Nodes;

namespace OrderProcessing.Functions.Tests.Support;

/// <summary>The body of <c>POST /orders</c>: the contract's example by default, changed member by member.</summary>
public sealed class OrderRequestBuilder
{
    public const string Email = "jane.doe@example.com";

    private readonly JsonObject _body = new()
    {
        ["customerId"] = "c-42",
        ["customerEmail"] = Email,
        ["customerName"] = "Jane Doe",
        ["items"] = new JsonArray(new JsonObject { ["productId"] = "sku-1", ["quantity"] = 2 }),
        ["paymentToken"] = "tok_visa",
        ["shippingAddress"] = new JsonObject { ["line1"] = "1 Main St", ["city"] = "Springfield", ["postalCode"] = "12345", ["country"] = "US" },
    };

    public OrderRequestBuilder Customer(string customerId)
    {
        _body["customerId"] = customerId;
        return this;
    }

    public OrderRequestBuilder Token(string token)
    {
        _body["paymentToken"] = token;
        return this;
    }

    public OrderRequestBuilder Items(params (string ProductId, int Quantity)[] items)
    {
        _body["items"] = new JsonArray(items.Select(i => (JsonNode)new JsonObject { ["productId"] = i.ProductId, ["quantity"] = i.Quantity }).ToArray());
        return this;
    }

    /// <summary>Sets a member by path (<c>items[0].quantity</c>, <c>shippingAddress.country</c>) to raw JSON.</summary>
    public OrderRequestBuilder Set(string path, string rawJson)
    {
        var (parent, name) = Locate(path);
        parent[name] = JsonNode.Parse(rawJson);
        return this;
    }

    public OrderRequestBuilder Without(string path)
    {
        var (parent, name) = Locate(path);
        parent.Remove(name);
        return this;
    }

    public string Build() => _body.ToJsonString();

    private (JsonObject Parent, string Name) Locate(string path)
    {
        JsonNode node = _body;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            node = Step(node, part);
        }

        return (node.AsObject(), parts[^1]);
    }

    private static JsonNode Step(JsonNode node, string part)
    {
        var bracket = part.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return node[part]!;
        }

        var index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return node[part[..bracket]]![index]!;
    }
}
