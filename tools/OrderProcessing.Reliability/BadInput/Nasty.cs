namespace OrderProcessing.Reliability.BadInput;

/// <summary>The raw material of bad input: strings, numbers, types, headers and query values known to break parsers and validators.</summary>
internal static class Nasty
{
    /// <summary>Strings that are empty, too long, or hold characters validators and stores get wrong.</summary>
    public static IReadOnlyList<string> Strings { get; } =
    [
        "", " ", "\t", "   padded   ", new string('a', 201), new string('x', 10_000), new string('é', 200), string.Concat(Enumerable.Repeat("😀", 101)),
        "\ud800", "\udfff", "a\ud800b", "\udc00\ud800", "\u0000", "nul\u0000inside", "line\nbreak", "cr\rlf\n", "\u001b[31mred",
        "\u202eevil\u202c", "rtl \u05e9\u05dc\u05d5\u05dd", "zero\u200bwidth", "\ufeffbom", "\u2028\u2029", "e\u0301\u0301\u0301",
        "😀", "👩‍👩‍👧‍👦", "🏳️‍🌈", "𝕏", "中文", "ÄÖÜß",
        "' OR '1'='1", "\"; DROP TABLE orders; --", "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}", "%00", "%2e%2e%2f",
        "../../etc/passwd", "..\\..\\windows", "/orders/x", "a/b", "a#b", "a?b=c", "null", "undefined", "NaN", "-1", "0x41",
        "tok_visa", "jane@example.com", "@", "a@b", "a@b.c", "a@@b.com", "a@b..com", "a b@example.com", "x@example.com\n",
    ];

    /// <summary>Number tokens that are negative, zero, fractional, huge, or not numbers JSON readers agree on.</summary>
    public static IReadOnlyList<string> Numbers { get; } =
    [
        "0", "-0", "-1", "1001", "1000000", "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999999999",
        "1.5", "0.1", "1.0", "1e3", "1E2", "1e309", "-1e309", "1e-400", "0.0000000001", "3.14159265358979323846264338327950288419716939937510",
        "01", "+1", ".5", "5.", "0x10", "Infinity", "-Infinity", "NaN", "1_000", "1,5",
    ];

    /// <summary>Values of the wrong type for any field.</summary>
    public static IReadOnlyList<JsonText> WrongTypes { get; } =
    [
        new JsonText.Raw("null"), new JsonText.Raw("true"), new JsonText.Raw("false"), new JsonText.Raw("[]"), new JsonText.Raw("{}"),
        new JsonText.Raw("[1,2]"), new JsonText.Raw("{\"a\":1}"), new JsonText.Str("12"), new JsonText.Str(""), new JsonText.Raw("12"),
        new JsonText.Raw("-5"), new JsonText.Raw("1.5"),
    ];

    /// <summary>Content-Type values: missing, wrong media types, wrong charsets, malformed parameters.</summary>
    public static IReadOnlyList<string?> ContentTypes { get; } =
    [
        null, "", "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/json; charset=utf-16", "application/json; charset=latin1", "application/json;charset=", "application/jsonx",
        "application", "*/*", "application/json, text/plain", "APPLICATION/JSON", "application/json; charset=UTF-8", "application/problem+json",
        "application/json; charset=\"utf-8\"", "application/merge-patch+json", "application/json\u0000", "application/json; foo",
    ];

    /// <summary>Idempotency-Key values outside 1 to 200 printable ASCII characters (and a few just inside).</summary>
    public static IReadOnlyList<string> IdempotencyKeys { get; } =
    [
        "", " ", new string('k', 201), new string('k', 5000), "key\u0000", "key\nX-Injected: 1", "ключ", "😀", "\t", "key with spaces",
        "\u007f", "key\r", new string('k', 200), "a", "'; DROP TABLE idempotency; --",
    ];

    /// <summary>Page cursors that were never issued, or were issued and then tampered with.</summary>
    public static IReadOnlyList<string> Cursors { get; } =
    [
        "", "x", "null", "AAAA", "eyJ0IjoiMSJ9", "====", "!!!", new string('A', 5000), "%00", "../", "eyJpZCI6Im9yZF8xIn0", "-_-_",
        "e30", "W10", "😀", "\ud800",
    ];

    /// <summary>Page limits outside 1 to 100, or not integers.</summary>
    public static IReadOnlyList<string> Limits { get; } =
    [
        "", "0", "-1", "101", "1000000", "abc", "1.5", "1e2", "2147483648", "-2147483649", "10 ", " 10", "0x10", "١٠", "NaN", "+5",
    ];

    /// <summary>Status filters that are not wire names.</summary>
    public static IReadOnlyList<string> Statuses { get; } =
    [
        "", "pending", "Pending", "PENDING ", "UNKNOWN", "PAID,SHIPPED", "*", "null", "0", "OUT-OF-STOCK", "CANCELED", "COMPLETED\u0000",
    ];
}
