using System.Globalization;
using OrderProcessing.Core.Common;
using OrderProcessing.Core.Orders;
using OrderProcessing.Functions.Api.Export;

namespace OrderProcessing.Functions.Api.Http;

/// <summary>Reads the listing query parameters, recording a field error for each malformed one. Unknown parameters are ignored.</summary>
internal static class QueryParameters
{
    public static int? Limit(ApiRequest request, ValidationErrors errors)
    {
        var text = request.Query("limit");
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1 || limit > PageLimits.Max)
        {
            errors.Add("limit", $"must be a whole number between 1 and {PageLimits.Max}");
            return null;
        }

        return limit;
    }

    public static string? Cursor(ApiRequest request) => request.Query("cursor");

    public static OrderStatus? Status(ApiRequest request, ValidationErrors errors)
    {
        var text = request.Query("status");
        if (text is null)
        {
            return null;
        }

        if (!OrderStatusNames.TryParse(text, out var status))
        {
            errors.Add("status", $"must be one of {string.Join(", ", OrderStatusNames.All)}");
            return null;
        }

        return status;
    }

    /// <summary>The export's <c>format</c>: <c>csv</c> (also when absent) or <c>json</c>.</summary>
    public static ExportFormat Format(ApiRequest request, ValidationErrors errors)
    {
        switch (request.Query("format"))
        {
            case null or "csv":
                return ExportFormat.Csv;
            case "json":
                return ExportFormat.Json;
            default:
                errors.Add("format", "must be csv or json");
                return ExportFormat.Csv;
        }
    }
}
