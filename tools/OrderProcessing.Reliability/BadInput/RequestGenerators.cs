using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>
/// FsCheck generators of requests that are wrong in one or more ways: order bodies with one field mutated, bodies
/// that are not JSON (or not valid UTF-8), wrong headers, bad query strings and path ids, bad product and status
/// updates, wrong methods. Well-formed requests come out now and then too; the run counts them apart.
/// </summary>
internal static class RequestGenerators
{
    private static readonly string[] OrderFieldPaths =
    [
        "customerId", "customerEmail", "customerName", "paymentToken", "items", "items[0]", "items[0].productId", "items[0].quantity",
        "shippingAddress", "shippingAddress.line1", "shippingAddress.line2", "shippingAddress.city", "shippingAddress.region",
        "shippingAddress.postalCode", "shippingAddress.country",
    ];

    /// <summary>Every family, mixed by weight.</summary>
    public static Gen<HttpCase> Any { get; } = Gen.Frequency(
        (30, MutatedOrder()),
        (6, TwoMutations()),
        (8, BrokenOrderText()),
        (8, OrderWithBadHeaders()),
        (10, ListQuery()),
        (5, CustomerListQuery()),
        (8, OrderIdPaths()),
        (8, ProductPut()),
        (6, StatusPatch()),
        (5, WrongMethod()),
        (3, BinaryBody()),
        (3, Oversize()));

    /// <summary><paramref name="count"/> cases from <paramref name="seed"/>: the same seed, the same cases.</summary>
    public static IReadOnlyList<HttpCase> Sample(int count, int seed) =>
        Any.Sample(count, new Rnd((ulong)(uint)seed + 1), 40).ToList();

    /// <summary>A well-formed order body naming stocked products.</summary>
    public static Gen<JsonText.Obj> ValidOrder() =>
        from customer in Gen.Choose(1, 999)
        from lines in Gen.Choose(1, 3)
        from quantities in Gen.ArrayOf(Gen.Choose(1, 5), 3)
        from token in Gen.Elements("tok_visa", "tok_mastercard", "tok_declined", "tok_flaky")
        select JsonText.Object(
            ("customerId", new JsonText.Str($"c-{customer}")),
            ("customerEmail", new JsonText.Str($"buyer{customer}@example.com")),
            ("customerName", new JsonText.Str($"Buyer {customer}")),
            ("items", new JsonText.Arr(Enumerable.Range(0, lines).Select(i => (JsonText)JsonText.Object(
                ("productId", new JsonText.Str(BadInputCatalog.ProductIds[i])),
                ("quantity", new JsonText.Raw(quantities[i].ToString(CultureInfo.InvariantCulture))))).ToList())),
            ("paymentToken", new JsonText.Str(token)),
            ("shippingAddress", JsonText.Object(
                ("line1", new JsonText.Str("1 Main St")),
                ("city", new JsonText.Str("Springfield")),
                ("postalCode", new JsonText.Str("12345")),
                ("country", new JsonText.Str("US")))));

    /// <summary>A nasty value for a field: a bad string, a bad number, a wrong type, or the field removed (null).</summary>
    public static Gen<JsonText?> NastyValue() => Gen.Frequency(
        (4, Gen.Elements(Nasty.Strings.ToArray()).Select(s => (JsonText?)new JsonText.Str(s))),
        (3, Gen.Elements(Nasty.Numbers.ToArray()).Select(n => (JsonText?)new JsonText.Raw(n))),
        (3, Gen.Elements(Nasty.WrongTypes.ToArray()).Select(t => (JsonText?)t)),
        (1, Gen.Constant<JsonText?>(null)));

    private static Gen<HttpCase> MutatedOrder() =>
        from order in ValidOrder()
        from path in Gen.Elements(OrderFieldPaths)
        from value in NastyValue()
        select PostOrder("order field", $"{path} = {Describe(value)}", Mutate(order, path, value).Render());

    private static Gen<HttpCase> TwoMutations() =>
        from order in ValidOrder()
        from first in Gen.Elements(OrderFieldPaths)
        from second in Gen.Elements(OrderFieldPaths)
        from a in NastyValue()
        from b in NastyValue()
        select PostOrder("order fields", $"{first} = {Describe(a)}, {second} = {Describe(b)}", Mutate(Mutate(order, first, a), second, b).Render());

    private static Gen<HttpCase> BrokenOrderText() =>
        from order in ValidOrder()
        from kind in Gen.Choose(0, 11)
        from cut in Gen.Choose(0, 400)
        from depth in Gen.Elements(64, 65, 1_000, 20_000)
        from lines in Gen.Elements(0, 100, 101, 1_000)
        select BrokenText(order, kind, cut, depth, lines);

    private static HttpCase BrokenText(JsonText.Obj order, int kind, int cut, int depth, int lines)
    {
        var text = order.Render();
        var (description, body) = kind switch
        {
            0 => ($"truncated at {Math.Min(cut, text.Length - 1)}", text[..Math.Min(cut, text.Length - 1)]),
            1 => ("duplicate customerId", text.Insert(1, "\"customerId\":\"c-dup\",")),
            2 => ("duplicate items", text.Insert(1, "\"items\":[],")),
            3 => ($"nested {depth} deep", text.Insert(1, "\"extra\":" + new string('[', depth) + new string(']', depth) + ",")),
            4 => ("trailing garbage", text + "}{]"),
            5 => ("byte order mark", "\ufeff" + text),
            6 => ("single quotes", text.Replace('"', '\'')),
            7 => ("a comment", "/* hi */" + text),
            8 => ($"{lines} lines", order.With("items", new JsonText.Arr(Enumerable.Range(0, lines).Select(i => (JsonText)JsonText.Object(("productId", new JsonText.Str($"sku-{(i % 3) + 1}")), ("quantity", new JsonText.Raw("1")))).ToList())).Render()),
            9 => ("not an object", new[] { "null", "[]", "123", "\"order\"", "true", "", " ", "{", "}", "[{}]" }[cut % 10]),
            10 => ("unknown product and duplicate product", order.With("items", new JsonText.Arr([JsonText.Object(("productId", new JsonText.Str("sku-1")), ("quantity", new JsonText.Raw("1"))), JsonText.Object(("productId", new JsonText.Str("sku-1")), ("quantity", new JsonText.Raw("2"))), JsonText.Object(("productId", new JsonText.Str("no-such-sku")), ("quantity", new JsonText.Raw("1")))])).Render()),
            _ => ("unknown members", order.With("total", new JsonText.Raw("0.01")).With("status", new JsonText.Str("COMPLETED")).With("__proto__", new JsonText.Raw("{}")).Render()),
        };
        return PostOrder("order text", description, body);
    }

    private static Gen<HttpCase> OrderWithBadHeaders() =>
        from order in ValidOrder()
        from contentType in Gen.Elements(Nasty.ContentTypes.ToArray())
        from key in Gen.Elements(Nasty.IdempotencyKeys.ToArray())
        from which in Gen.Choose(0, 2)
        select which switch
        {
            0 => PostOrder("headers", $"Content-Type {Describe(contentType)}", order.Render(), contentType: contentType),
            1 => PostOrder("headers", $"Idempotency-Key {Describe(key)}", order.Render(), idempotencyKey: key),
            _ => PostOrder("headers", $"Content-Type {Describe(contentType)}, Idempotency-Key {Describe(key)}", order.Render(), contentType: contentType, idempotencyKey: key),
        };

    private static Gen<HttpCase> ListQuery() =>
        from status in Gen.Elements(Nasty.Statuses.ToArray())
        from limit in Gen.Elements(Nasty.Limits.ToArray())
        from cursor in Gen.Elements(Nasty.Cursors.ToArray())
        from mask in Gen.Choose(1, 7)
        select Get("list query", "/orders", "/orders", null, Query(mask, ("status", status), ("limit", limit), ("cursor", cursor)));

    private static Gen<HttpCase> CustomerListQuery() =>
        from customer in Gen.Elements(Nasty.Strings.Where(s => s.Length < 300).ToArray())
        from limit in Gen.Elements(Nasty.Limits.ToArray())
        from cursor in Gen.Elements(Nasty.Cursors.ToArray())
        from mask in Gen.Choose(0, 3)
        select Get("customer list", $"/customers/{Uri.EscapeDataString(customer)}/orders", "/customers/{customerId}/orders", new Dictionary<string, string> { ["customerId"] = customer }, Query(mask, ("limit", limit), ("cursor", cursor)));

    private static Gen<HttpCase> OrderIdPaths() =>
        from id in Gen.Elements(Nasty.Strings.Where(s => s.Length < 300).Concat(["ord_00000000000000000000000000", "ORD_x", "%2F", "ord_..%2F"]).ToArray())
        from route in Gen.Elements(
            ("GET", "/orders/{orderId}", ""), ("DELETE", "/orders/{orderId}", ""), ("POST", "/orders/{orderId}/cancel", "/cancel"),
            ("GET", "/orders/{orderId}/invoice", "/invoice"), ("PATCH", "/orders/{orderId}", ""))
        select Case("order id", $"{route.Item1} {route.Item2} with id {Describe(id)}", route.Item1, $"/orders/{Uri.EscapeDataString(id)}{route.Item3}", route.Item2, new Dictionary<string, string> { ["orderId"] = id }, null, Json(), route.Item1 is "PATCH" ? "{\"status\":\"CANCELLED\"}" : route.Item1 is "POST" ? "{}" : null);

    private static Gen<HttpCase> ProductPut() =>
        from field in Gen.Elements("name", "unitPrice", "currency", "stock")
        from value in NastyValue()
        from id in Gen.Frequency((3, Gen.Constant("sku-new")), (1, Gen.Elements(Nasty.Strings.Where(s => s.Length < 300).ToArray())))
        let body = Mutate(JsonText.Object(("name", new JsonText.Str("New")), ("unitPrice", new JsonText.Raw("9.99")), ("currency", new JsonText.Str("EUR")), ("stock", new JsonText.Raw("10"))), field, value)
        select Case("product", $"PUT /products/{Describe(id)} with {field} = {Describe(value)}", "PUT", $"/products/{Uri.EscapeDataString(id)}", "/products/{productId}", new Dictionary<string, string> { ["productId"] = id }, null, Json(), body.Render());

    private static Gen<HttpCase> StatusPatch() =>
        from value in Gen.Frequency((3, Gen.Elements(Nasty.Statuses.ToArray()).Select(s => (JsonText?)new JsonText.Str(s))), (2, NastyValue()))
        select Case("status patch", $"PATCH status = {Describe(value)}", "PATCH", "/orders/ord_00000000000000000000000000", "/orders/{orderId}", new Dictionary<string, string> { ["orderId"] = "ord_00000000000000000000000000" }, null, Json(), (value is null ? JsonText.Object() : JsonText.Object(("status", value))).Render());

    private static Gen<HttpCase> WrongMethod() =>
        from method in Gen.Elements("PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "get", "PROPFIND", "")
        from path in Gen.Elements(("/orders", "/orders"), ("/health", "/health"), ("/products", "/products"), ("/nowhere", "/nowhere"), ("/", "/"), ("/orders/x/y/z", "/orders/x/y/z"))
        select Case("method", $"{Describe(method)} {path.Item1}", method, path.Item1, path.Item2, null, null, Json(), "{}");

    private static Gen<HttpCase> BinaryBody() =>
        from bytes in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b))
        from prefix in Gen.Elements("{\"customerId\":\"", "", "{\"items\":[{\"productId\":\"")
        select PostOrder("binary", $"{bytes.Length} random bytes (not UTF-8) after {Describe(prefix)}", Convert.ToBase64String([.. Encoding.UTF8.GetBytes(prefix), .. bytes, 0xC3, 0x28, 0xFF]), base64: true);

    private static Gen<HttpCase> Oversize() =>
        from size in Gen.Elements(65_537, 70_000, 300_000)
        from order in ValidOrder()
        select PostOrder("oversize", $"{size}-character customerName", order.With("customerName", new JsonText.Str(new string('n', size))).Render());

    /// <summary>The tree with the field at <paramref name="path"/> set to <paramref name="value"/>, or removed when it is null.</summary>
    public static JsonText.Obj Mutate(JsonText.Obj order, string path, JsonText? value)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(path);
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? path : path[..dot];
        var rest = dot < 0 ? null : path[(dot + 1)..];
        var index = head.EndsWith(']') ? int.Parse(head[(head.IndexOf('[', StringComparison.Ordinal) + 1)..^1], CultureInfo.InvariantCulture) : (int?)null;
        var name = index is null ? head : head[..head.IndexOf('[', StringComparison.Ordinal)];
        if (index is null && rest is null)
        {
            return value is null ? order.Without(name) : order.With(name, value);
        }

        var child = order[name];
        if (index is { } i)
        {
            if (child is not JsonText.Arr array || i >= array.Items.Count)
            {
                return order;
            }

            var items = array.Items.ToList();
            if (rest is null)
            {
                if (value is null)
                {
                    items.RemoveAt(i);
                }
                else
                {
                    items[i] = value;
                }
            }
            else if (items[i] is JsonText.Obj element)
            {
                items[i] = Mutate(element, rest, value);
            }

            return order.With(name, new JsonText.Arr(items));
        }

        return child is JsonText.Obj nested ? order.With(name, Mutate(nested, rest!, value)) : order;
    }

    private static HttpCase PostOrder(string family, string description, string body, string? contentType = "application/json", string? idempotencyKey = null, bool base64 = false)
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        if (contentType is not null)
        {
            headers["Content-Type"] = contentType;
        }

        if (idempotencyKey is not null)
        {
            headers["Idempotency-Key"] = idempotencyKey;
        }

        return new HttpCase(family, description, "POST", "/orders", "/orders", null, null, headers, body, base64);
    }

    private static HttpCase Get(string family, string path, string resource, IReadOnlyDictionary<string, string>? pathParameters, IReadOnlyDictionary<string, string>? query) =>
        new(family, $"GET {path} {(query is null ? "" : string.Join("&", query.Select(q => $"{q.Key}={Describe(q.Value)}")))}", "GET", path, resource, pathParameters, query, new Dictionary<string, string>(), null);

    private static HttpCase Case(string family, string description, string method, string path, string resource, IReadOnlyDictionary<string, string>? pathParameters, IReadOnlyDictionary<string, string>? query, IReadOnlyDictionary<string, string> headers, string? body) =>
        new(family, description, method, path, resource, pathParameters, query, headers, body);

    private static Dictionary<string, string> Json() => new(StringComparer.Ordinal) { ["Content-Type"] = "application/json" };

    private static Dictionary<string, string>? Query(int mask, params (string Name, string Value)[] parameters)
    {
        var query = parameters.Where((_, i) => (mask & (1 << i)) != 0).ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
        return query.Count == 0 ? null : query;
    }

    private static string Describe(JsonText? value) => value is null ? "(removed)" : Describe(value.Render());

    private static string Describe(string? text)
    {
        if (text is null)
        {
            return "(none)";
        }

        var shown = new StringBuilder();
        foreach (var c in text.Length > 40 ? text[..40] : text)
        {
            shown.Append(c < ' ' || char.IsSurrogate(c) || c is '\u202e' or '\u200b' or '\ufeff' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.Length > 40 ? $"{shown}... ({text.Length} chars)" : $"'{shown}'";
    }
}
