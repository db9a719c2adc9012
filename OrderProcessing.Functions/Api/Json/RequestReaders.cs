using System.Text.Json;
using OrderProcessing.Core.Catalog;
using OrderProcessing.Core.Orders;

namespace OrderProcessing.Functions.Api.Json;

/// <summary>Reads the contract's request bodies into Core's request records, collecting JSON type errors by field path.</summary>
internal static class RequestReaders
{
    public static PlaceOrderRequest PlaceOrder(JsonElement body, JsonFields fields)
    {
        var quantityRange = $"must be between 1 and {PlaceOrderValidator.MaxQuantity}";
        List<OrderLineRequest?>? items = null;
        if (fields.Array(body, "items", "items") is { } array)
        {
            items = [];
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                var path = $"items[{index++}]";
                if (element.ValueKind != JsonValueKind.Object)
                {
                    if (element.ValueKind != JsonValueKind.Null)
                    {
                        fields.Errors.Add(path, $"must be an object, not {JsonBody.Describe(element.ValueKind)}");
                    }

                    items.Add(null);
                    continue;
                }

                items.Add(new OrderLineRequest(
                    fields.String(element, "productId", $"{path}.productId"),
                    fields.Integer(element, "quantity", $"{path}.quantity", quantityRange)));
            }
        }

        AddressRequest? address = null;
        if (fields.Object(body, "shippingAddress", "shippingAddress") is { } a)
        {
            address = new AddressRequest(
                fields.String(a, "line1", "shippingAddress.line1"),
                fields.String(a, "line2", "shippingAddress.line2"),
                fields.String(a, "city", "shippingAddress.city"),
                fields.String(a, "region", "shippingAddress.region"),
                fields.String(a, "postalCode", "shippingAddress.postalCode"),
                fields.String(a, "country", "shippingAddress.country"));
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
        fields.Decimal(body, "unitPrice", "unitPrice", $"must be greater than 0 and at most {CatalogService.MaxUnitPrice}"),
        fields.String(body, "currency", "currency"),
        fields.Integer(body, "stock", "stock", $"must be between 0 and {CatalogService.MaxStock}"));
}
