using System.Globalization;
using System.Text.RegularExpressions;
using OrderProcessing.Core.Common;

namespace OrderProcessing.Core.Orders;

/// <summary>
/// The one place a request to place an order is checked: every limit of the API contract, all failures reported at once
/// keyed by field path (<c>items[2].quantity</c>, <c>shippingAddress.country</c>), and a valid request turned into a
/// <see cref="PlaceOrderCommand"/>.
/// </summary>
public static partial class PlaceOrderValidator
{
    /// <summary>Most lines in one order.</summary>
    public const int MaxLines = 100;

    /// <summary>Largest quantity of one line.</summary>
    public const int MaxQuantity = 1_000;

    /// <summary>Longest <c>Idempotency-Key</c>.</summary>
    public const int MaxIdempotencyKeyLength = 200;

    private const string IdempotencyKeyField = "Idempotency-Key";

    /// <summary>
    /// Checks the body and, when given, the <c>Idempotency-Key</c>, and returns them as a command. Throws
    /// <see cref="ValidationException"/> carrying every field error (the body's in field order, then the key's).
    /// </summary>
    public static PlaceOrderCommand Validate(PlaceOrderRequest request, string? idempotencyKey = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new ValidationErrors();
        var customerId = TextRules.CheckIdentifier(errors, "customerId", request.CustomerId) ? request.CustomerId : null;
        var email = TextRules.CheckRequired(errors, "customerEmail", request.CustomerEmail) ? request.CustomerEmail : null;
        if (email is not null && !EmailPattern().IsMatch(email))
        {
            errors.Add("customerEmail", "must be a valid email address");
            email = null;
        }

        var name = TextRules.CheckRequired(errors, "customerName", request.CustomerName) ? request.CustomerName : null;
        var paymentToken = TextRules.CheckRequired(errors, "paymentToken", request.PaymentToken) ? request.PaymentToken : null;
        var lines = CheckItems(errors, request.Items);
        var address = CheckAddress(errors, request.ShippingAddress);
        if (idempotencyKey is not null && !IsValidIdempotencyKey(idempotencyKey))
        {
            errors.Add(IdempotencyKeyField, IdempotencyKeyRule);
        }

        // Each check yields its value only when it passed, so every value is there exactly when no rule failed.
        if (errors.IsEmpty && customerId is not null && email is not null && name is not null && paymentToken is not null && lines is not null && address is not null)
        {
            return new PlaceOrderCommand(new Customer(customerId, email, name), lines, paymentToken, address, idempotencyKey);
        }

        throw new ValidationException(errors.ToDictionary());
    }

    /// <summary>Checks an <c>Idempotency-Key</c>: 1 to 200 printable ASCII characters.</summary>
    public static void EnsureValidIdempotencyKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!IsValidIdempotencyKey(key))
        {
            throw ValidationException.ForField(IdempotencyKeyField, IdempotencyKeyRule);
        }
    }

    private static readonly string IdempotencyKeyRule =
        string.Create(CultureInfo.InvariantCulture, $"must be 1 to {MaxIdempotencyKeyLength} printable ASCII characters");

    private static bool IsValidIdempotencyKey(string key) => key.Length is > 0 and <= MaxIdempotencyKeyLength && !key.Any(c => c is < ' ' or > '~');

    // The lines when every one passed; null otherwise.
    private static IReadOnlyList<PlaceOrderLine>? CheckItems(ValidationErrors errors, IReadOnlyList<OrderLineRequest?>? items)
    {
        if (items is null)
        {
            errors.Add("items", "is required");
            return null;
        }

        var valid = true;
        if (items.Count is < 1 or > MaxLines)
        {
            errors.Add("items", string.Create(CultureInfo.InvariantCulture, $"must have between 1 and {MaxLines} lines"));
            if (items.Count > MaxLines)
            {
                return null;
            }

            valid = false;
        }

        // Field paths are put together only for a line that has something to report.
        var lines = new List<PlaceOrderLine>(items.Count);
        var seen = items.Count > 1 ? new HashSet<string>(StringComparer.Ordinal) : null;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item is null)
            {
                errors.Add($"items[{i}]", "is required");
                valid = false;
                continue;
            }

            var productId = TextRules.IsValidIdentifier(item.ProductId) || TextRules.CheckIdentifier(errors, $"items[{i}].productId", item.ProductId)
                ? item.ProductId
                : null;
            if (productId is not null && seen is not null && !seen.Add(productId))
            {
                errors.Add($"items[{i}].productId", $"product '{productId}' appears more than once");
                productId = null;
            }

            var quantity = item.Quantity;
            if (quantity is null)
            {
                errors.Add($"items[{i}].quantity", "is required");
            }
            else if (quantity is < 1 or > MaxQuantity)
            {
                errors.Add($"items[{i}].quantity", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {MaxQuantity}"));
                quantity = null;
            }

            if (productId is not null && quantity is { } q)
            {
                lines.Add(new PlaceOrderLine(productId, q));
            }
            else
            {
                valid = false;
            }
        }

        return valid ? lines.AsReadOnly() : null;
    }

    // The address when every field passed; null otherwise.
    private static Address? CheckAddress(ValidationErrors errors, AddressRequest? address)
    {
        if (address is null)
        {
            errors.Add("shippingAddress", "is required");
            return null;
        }

        var line1 = TextRules.CheckRequired(errors, "shippingAddress.line1", address.Line1) ? address.Line1 : null;
        var line2 = TextRules.CheckOptional(errors, "shippingAddress.line2", address.Line2);
        var city = TextRules.CheckRequired(errors, "shippingAddress.city", address.City) ? address.City : null;
        var region = TextRules.CheckOptional(errors, "shippingAddress.region", address.Region);
        var postalCode = TextRules.CheckRequired(errors, "shippingAddress.postalCode", address.PostalCode) ? address.PostalCode : null;
        var country = TextRules.CheckRequired(errors, "shippingAddress.country", address.Country) ? address.Country : null;
        if (country is not null && !CountryCodes.IsValid(country))
        {
            errors.Add("shippingAddress.country", "must be an ISO 3166-1 alpha-2 code such as US or DE");
            country = null;
        }

        return line1 is not null && line2 && city is not null && region && postalCode is not null && country is not null
            ? new Address(line1, address.Line2, city, address.Region, postalCode, country)
            : null;
    }

    // One @, a non-empty local part and a dotted domain without spaces: plausible, not RFC 5322 in full.
    [GeneratedRegex(@"^[^@\s""(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
