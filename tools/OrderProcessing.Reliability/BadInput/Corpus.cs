using System.Text;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>
/// Hand-picked nasty requests, one per known way to break an HTTP JSON API, so each is tried on every run whatever the
/// generators happen to draw.
/// </summary>
internal static class Corpus
{
    private const string Valid = """{"customerId":"c-1","customerEmail":"jane@example.com","customerName":"Jane","items":[{"productId":"sku-1","quantity":2}],"paymentToken":"tok_visa","shippingAddress":{"line1":"1 Main St","city":"Springfield","postalCode":"12345","country":"US"}}""";

    /// <summary>Every corpus case.</summary>
    public static IReadOnlyList<HttpCase> Cases { get; } = Build();

    private static List<HttpCase> Build()
    {
        var cases = new List<HttpCase>();
        void Post(string description, string? body, string? contentType = "application/json", string? key = null, bool base64 = false)
        {
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            if (contentType is not null)
            {
                headers["Content-Type"] = contentType;
            }

            if (key is not null)
            {
                headers["Idempotency-Key"] = key;
            }

            cases.Add(new HttpCase("corpus", description, "POST", "/orders", "/orders", null, null, headers, body, base64));
        }

        void Get(string description, string path, string resource, Dictionary<string, string>? pathParameters, Dictionary<string, string>? query) =>
            cases.Add(new HttpCase("corpus", description, "GET", path, resource, pathParameters, query, new Dictionary<string, string>(), null));

        string Set(string json, string field, string raw) => json.Replace($"\"{field}\":", $"\"{field}\":{raw},\"_{field}\":", StringComparison.Ordinal);

        Post("truncated JSON", Valid[..57]);
        Post("truncated inside a string", Valid[..12]);
        Post("truncated after the last brace but one", Valid[..^1]);
        Post("quantity 1e309 (overflows a double)", Set(Valid, "quantity", "1e309"));
        Post("quantity 99999999999999999999", Set(Valid, "quantity", "99999999999999999999"));
        Post("quantity -1", Set(Valid, "quantity", "-1"));
        Post("quantity 0", Set(Valid, "quantity", "0"));
        Post("quantity 0.5", Set(Valid, "quantity", "0.5"));
        Post("quantity 2.0", Set(Valid, "quantity", "2.0"));
        Post("quantity as a string", Set(Valid, "quantity", "\"2\""));
        Post("items as a string", Set(Valid, "items", "\"sku-1\""));
        Post("shippingAddress as an array", Set(Valid, "shippingAddress", "[]"));
        Post("customerId as a number", Set(Valid, "customerId", "42"));
        Post("nested 100,000 arrays deep", "{\"items\":" + new string('[', 100_000) + new string(']', 100_000) + "}");
        Post("nested 10,000 objects deep", string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "1" + new string('}', 10_000));
        Post("lone high surrogate in customerName", Valid.Replace("\"Jane\"", "\"Ja\\ud800ne\"", StringComparison.Ordinal));
        Post("lone low surrogate in city", Valid.Replace("\"Springfield\"", "\"\\udfffSpringfield\"", StringComparison.Ordinal));
        Post("right-to-left override in line1", Valid.Replace("1 Main St", "1 Main \u202eSt", StringComparison.Ordinal));
        Post("zero-width space in productId", Valid.Replace("sku-1", "sku\u200b-1", StringComparison.Ordinal));
        Post("emoji in customerName", Valid.Replace("\"Jane\"", "\"Jane 👩‍💻\"", StringComparison.Ordinal));
        Post("NUL in customerEmail", Valid.Replace("jane@example.com", "jane\\u0000@example.com", StringComparison.Ordinal));
        Post("NUL raw in the body", Valid.Replace("Jane", "Ja\0ne", StringComparison.Ordinal));
        Post("duplicate key customerId", Valid.Replace("{\"customerId\":\"c-1\"", "{\"customerId\":\"c-1\",\"customerId\":\"c-2\"", StringComparison.Ordinal));
        Post("duplicate key quantity", Valid.Replace("\"quantity\":2", "\"quantity\":2,\"quantity\":-7", StringComparison.Ordinal));
        Post("customerName of 201 characters", Valid.Replace("\"Jane\"", "\"" + new string('n', 201) + "\"", StringComparison.Ordinal));
        Post("customerName of 60,000 characters", Valid.Replace("\"Jane\"", "\"" + new string('n', 60_000) + "\"", StringComparison.Ordinal));
        Post("body of 65,537 bytes", Valid.Replace("\"Jane\"", "\"" + new string('n', 65_537 - Valid.Length + 4) + "\"", StringComparison.Ordinal));
        Post("body of 1 MiB", Valid.Replace("\"Jane\"", "\"" + new string('n', 1 << 20) + "\"", StringComparison.Ordinal));
        Post("101 lines", Set(Valid, "items", "[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $"{{\"productId\":\"p{i}\",\"quantity\":1}}")) + "]"));
        Post("no lines", Set(Valid, "items", "[]"));
        Post("the same product twice", Set(Valid, "items", "[{\"productId\":\"sku-1\",\"quantity\":1},{\"productId\":\"sku-1\",\"quantity\":1}]"));
        Post("unknown product", Valid.Replace("sku-1", "sku-nope", StringComparison.Ordinal));
        Post("country of three letters", Valid.Replace("\"US\"", "\"USA\"", StringComparison.Ordinal));
        Post("lower-case country", Valid.Replace("\"US\"", "\"us\"", StringComparison.Ordinal));
        Post("email without a domain", Valid.Replace("jane@example.com", "jane@", StringComparison.Ordinal));
        Post("client-supplied price and total", Valid.Replace("\"quantity\":2", "\"quantity\":2,\"unitPrice\":0.01", StringComparison.Ordinal).Replace("{\"customerId\"", "{\"total\":0,\"customerId\"", StringComparison.Ordinal));
        Post("client-supplied status", Valid.Replace("{\"customerId\"", "{\"status\":\"COMPLETED\",\"customerId\"", StringComparison.Ordinal));
        Post("empty object", "{}");
        Post("JSON null", "null");
        Post("JSON array", "[" + Valid + "]");
        Post("empty body", "");
        Post("no body at all", null);
        Post("whitespace body", "   \n\t ");
        Post("byte order mark then JSON", "\ufeff" + Valid);
        Post("text/plain", Valid, "text/plain");
        Post("no Content-Type", Valid, null);
        Post("UTF-16 charset", Valid, "application/json; charset=utf-16");
        Post("form encoding", "customerId=c-1&items=sku-1", "application/x-www-form-urlencoded");
        Post("XML", "<order><customerId>c-1</customerId></order>", "application/xml");
        Post("invalid UTF-8 (base64 body)", Convert.ToBase64String([.. Encoding.UTF8.GetBytes(Valid[..20]), 0xC3, 0x28, 0xA0, 0xA1, 0xFF, 0xFE]), base64: true);
        Post("isBase64Encoded with text that is not base64", "not base64 at all!!", base64: true);
        Post("Idempotency-Key of 201 characters", Valid, key: new string('k', 201));
        Post("empty Idempotency-Key", Valid, key: "");
        Post("Idempotency-Key with a newline", Valid, key: "abc\r\nX-Evil: 1");
        Post("Idempotency-Key with non-ASCII", Valid, key: "ключ-😀");
        Post("Idempotency-Key with NUL", Valid, key: "abc\0def");

        Get("limit 0", "/orders", "/orders", null, new() { ["limit"] = "0" });
        Get("limit 101", "/orders", "/orders", null, new() { ["limit"] = "101" });
        Get("limit -5", "/orders", "/orders", null, new() { ["limit"] = "-5" });
        Get("limit abc", "/orders", "/orders", null, new() { ["limit"] = "abc" });
        Get("limit 2147483648", "/orders", "/orders", null, new() { ["limit"] = "2147483648" });
        Get("lower-case status", "/orders", "/orders", null, new() { ["status"] = "pending" });
        Get("unknown status", "/orders", "/orders", null, new() { ["status"] = "LOST" });
        Get("garbage cursor", "/orders", "/orders", null, new() { ["cursor"] = "garbage" });
        Get("5,000-character cursor", "/orders", "/orders", null, new() { ["cursor"] = new string('A', 5_000) });
        Get("base64 JSON cursor without a signature", "/orders", "/orders", null, new() { ["cursor"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"t\":\"0\",\"id\":\"x\"}")) });
        Get("customer id with a slash", "/customers/a%2Fb/orders", "/customers/{customerId}/orders", new() { ["customerId"] = "a/b" }, null);
        Get("customer id of 5,000 characters", "/customers/" + new string('c', 5_000) + "/orders", "/customers/{customerId}/orders", new() { ["customerId"] = new string('c', 5_000) }, null);
        Get("order id with path traversal", "/orders/..%2F..%2Fetc%2Fpasswd", "/orders/{orderId}", new() { ["orderId"] = "../../etc/passwd" }, null);
        Get("order id of 5,000 characters", "/orders/" + new string('o', 5_000), "/orders/{orderId}", new() { ["orderId"] = new string('o', 5_000) }, null);
        Get("product id with NUL", "/products/a%00b", "/products/{productId}", new() { ["productId"] = "a\0b" }, null);
        Get("unknown route", "/admin", "/admin", null, null);
        Get("invoice of an unknown order", "/orders/ord_nope/invoice", "/orders/{orderId}/invoice", new() { ["orderId"] = "ord_nope" }, null);

        var json = new Dictionary<string, string>(StringComparer.Ordinal) { ["Content-Type"] = "application/json" };
        cases.Add(new HttpCase("corpus", "PUT product with a negative price", "PUT", "/products/sku-x", "/products/{productId}", new Dictionary<string, string> { ["productId"] = "sku-x" }, null, json, "{\"name\":\"X\",\"unitPrice\":-1,\"currency\":\"EUR\",\"stock\":1}"));
        cases.Add(new HttpCase("corpus", "PUT product with three decimals in EUR", "PUT", "/products/sku-x", "/products/{productId}", new Dictionary<string, string> { ["productId"] = "sku-x" }, null, json, "{\"name\":\"X\",\"unitPrice\":1.005,\"currency\":\"EUR\",\"stock\":1}"));
        cases.Add(new HttpCase("corpus", "PUT product with stock 1e10", "PUT", "/products/sku-x", "/products/{productId}", new Dictionary<string, string> { ["productId"] = "sku-x" }, null, json, "{\"name\":\"X\",\"unitPrice\":1,\"currency\":\"EUR\",\"stock\":1e10}"));
        cases.Add(new HttpCase("corpus", "PUT product with an unknown currency", "PUT", "/products/sku-x", "/products/{productId}", new Dictionary<string, string> { ["productId"] = "sku-x" }, null, json, "{\"name\":\"X\",\"unitPrice\":1,\"currency\":\"XXX\",\"stock\":1}"));
        cases.Add(new HttpCase("corpus", "PATCH to a status that does not exist", "PATCH", "/orders/ord_nope", "/orders/{orderId}", new Dictionary<string, string> { ["orderId"] = "ord_nope" }, null, json, "{\"status\":\"TELEPORTED\"}"));
        cases.Add(new HttpCase("corpus", "PATCH without a status", "PATCH", "/orders/ord_nope", "/orders/{orderId}", new Dictionary<string, string> { ["orderId"] = "ord_nope" }, null, json, "{}"));
        cases.Add(new HttpCase("corpus", "DELETE of an unknown order", "DELETE", "/orders/ord_nope", "/orders/{orderId}", new Dictionary<string, string> { ["orderId"] = "ord_nope" }, null, new Dictionary<string, string>(), null));
        cases.Add(new HttpCase("corpus", "cancel of an unknown order", "POST", "/orders/ord_nope/cancel", "/orders/{orderId}/cancel", new Dictionary<string, string> { ["orderId"] = "ord_nope" }, null, json, "{}"));
        cases.Add(new HttpCase("corpus", "TRACE /orders", "TRACE", "/orders", "/orders", null, null, new Dictionary<string, string>(), null));
        cases.Add(new HttpCase("corpus", "empty method", "", "/orders", "/orders", null, null, new Dictionary<string, string>(), null));
        return cases;
    }
}
