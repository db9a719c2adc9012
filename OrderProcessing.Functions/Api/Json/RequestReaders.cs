using System.Text.Json;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Functions.Api.Json;

/// <summary>Reads the contract's request bodies into Core's request records, collecting JSON type errors by field path.</summary>
internal static class RequestReaders
{
    private static readonly string QuantityRange = $"must be between 1 and {PlaceOrderValidator.MaxQuantity}";
    private static readonly string UnitPriceRange = $"must be greater than 0 and at most {CatalogService.MaxUnitPrice}";
    private static readonly string StockRange = $"must be between 0 and {CatalogService.MaxStock}";

    public static PlaceOrderRequest PlaceOrder(JsonElement body, JsonFields fields)
    {
        List<OrderLineRequest?>? items = null;
        if (fields.Array(body, "items", "items") is { } array)
        {
            items = new List<OrderLineRequest?>(array.GetArrayLength());
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var i = index++;
                if (element.ValueKind != JsonValueKind.Object)
                {
                    if (element.ValueKind != JsonValueKind.Null)
                    {
                        fields.Errors.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"items[{i}]"), $"must be an object, not {JsonBody.Describe(element.ValueKind)}");
                    }

                    items.Add(null);
                    continue;
                }

                items.Add(new OrderLineRequest(
                    fields.String(element, "productId", new FieldPath("items", i, "productId")),
                    fields.Integer(element, "quantity", new FieldPath("items", i, "quantity"), QuantityRange)));
            }
        }

        AddressRequest? address = null;
        if (fields.Object(body, "shippingAddress", "shippingAddress") is { } a)
        {
            address = new AddressRequest(
                fields.String(a, "line1", new FieldPath("shippingAddress", -1, "line1")),
                fields.String(a, "line2", new FieldPath("shippingAddress", -1, "line2")),
                fields.String(a, "city", new FieldPath("shippingAddress", -1, "city")),
                fields.String(a, "region", new FieldPath("shippingAddress", -1, "region")),
                fields.String(a, "postalCode", new FieldPath("shippingAddress", -1, "postalCode")),
                fields.String(a, "country", new FieldPath("shippingAddress", -1, "country")));
        }

        return new PlaceOrderRequest(
            fields.String(body, "customerId", "customerId"),
            fields.String(body, "customerEmail", "customerEmail"),
            fields.String(body, "customerName", "customerName"),
            items,
            fields.String(body, "paymentToken", "paymentToken"),
            address);
    }

    public static ProductRequest Product(JsonElement body, JsonFields fields) => new(
        fields.String(body, "name", "name"),
        fields.Decimal(body, "unitPrice", "unitPrice", UnitPriceRange),
        fields.String(body, "currency", "currency"),
        fields.Integer(body, "stock", "stock", StockRange));
}
