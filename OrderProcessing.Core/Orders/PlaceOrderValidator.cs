using System.Globalization;
using System.Text.RegularExpressions;
using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Orders;

/// <summary>
/// Checks a <see cref="PlaceOrderRequest"/> against every limit of the API contract and reports all failures at once,
/// keyed by field path (<c>items[2].quantity</c>, <c>shippingAddress.country</c>).
/// </summary>
public static partial class PlaceOrderValidator
{
    /// <summary>Most lines in one order.</summary>
    public const int MaxLines = 100;

    /// <summary>Largest quantity of one line.</summary>
    public const int MaxQuantity = 1_000;

    /// <summary>Longest <c>Idempotency-Key</c>.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    /// <summary>All field errors of the request (empty when valid).</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(PlaceOrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        TextRules.CheckIdentifier(errors, "customerId", request.CustomerId);
        if (TextRules.CheckRequired(errors, "customerEmail", request.CustomerEmail) && !EmailPattern().IsMatch(request.CustomerEmail!))
        {
            errors.Add("customerEmail", "must be a valid email address");
        }

        TextRules.CheckRequired(errors, "customerName", request.CustomerName);
        TextRules.CheckRequired(errors, "paymentToken", request.PaymentToken);
        CheckItems(errors, request.Items);
        CheckAddress(errors, request.ShippingAddress);
        return errors.ToDictionary();
    }

    /// <summary>Throws <see cref="ValidationException"/> when the request breaks any rule.</summary>
    public static void EnsureValid(PlaceOrderRequest request)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    /// <summary>Checks an <c>Idempotency-Key</c>: 1 to 200 printable ASCII characters.</summary>
    public static void EnsureValidIdempotencyKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length is 0 or > MaxIdempotencyKeyLength || key.Any(c => c is < ' ' or > '~'))
        {
            throw ValidationException.ForField("Idempotency-Key", string.Create(CultureInfo.InvariantCulture, $"must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters"));
        }
    }

    private static void CheckItems(ValidationErrors errors, IReadOnlyList<OrderLineRequest?>? items)
    {
        if (items is null)
        {
            errors.Add("items", "is required");
            return;
        }

        if (items.Count is < 1 or > MaxLines)
        {
            errors.Add("items", string.Create(CultureInfo.InvariantCulture, $"must have between 1 and {MaxLines} lines"));
            if (items.Count > MaxLines)
            {
                return;
            }
        }

        // Field paths are put together only for a line that has something to report.
        var seen = items.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                errors.Add($"items[{i}]", "is required");
                continue;
            }

            var validId = TextRules.IsValidIdentifier(item.ProductId) || TextRules.CheckIdentifier(errors, $"items[{i}].productId", item.ProductId);
            if (validId && seen is not null && !seen.Add(item.ProductId!))
            {
                errors.Add($"items[{i}].productId", $"product '{item.ProductId}' appears more than once");
            }

            if (item.Quantity is not { } quantity)
            {
                errors.Add($"items[{i}].quantity", "is required");
            }
            else if (quantity is < 1 or > MaxQuantity)
            {
                errors.Add($"items[{i}].quantity", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {MaxQuantity}"));
            }
        }
    }

    private static void CheckAddress(ValidationErrors errors, AddressRequest? address)
    {
        if (address is null)
        {
            errors.Add("shippingAddress", "is required");
            return;
        }

        TextRules.CheckRequired(errors, "shippingAddress.line1", address.Line1);
        TextRules.CheckOptional(errors, "shippingAddress.line2", address.Line2);
        TextRules.CheckRequired(errors, "shippingAddress.city", address.City);
        TextRules.CheckOptional(errors, "shippingAddress.region", address.Region);
        TextRules.CheckRequired(errors, "shippingAddress.postalCode", address.PostalCode);
        if (TextRules.CheckRequired(errors, "shippingAddress.country", address.Country) && !CountryCodes.IsValid(address.Country))
        {
            errors.Add("shippingAddress.country", "must be an ISO 3166-1 alpha-2 code such as US or DE");
        }
    }

    // One @, a non-empty local part and a dotted domain without spaces: plausible, not RFC 5322 in full.
    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
