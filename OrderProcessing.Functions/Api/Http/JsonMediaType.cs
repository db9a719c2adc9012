namespace OrderProcessing.Functions.Api.Http;

/// <summary>Checks a <c>Content-Type</c> header: <c>application/json</c>, optionally with <c>charset=utf-8</c>.</summary>
internal static class JsonMediaType
{
    /// <summary>Null when acceptable, otherwise why not.</summary>
    public static string? Problem(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return "A body needs Content-Type: application/json.";
        }

        var parts = contentType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !string.Equals(parts[0], "application/json", StringComparison.OrdinalIgnoreCase))
        {
            return $"Content-Type '{contentType}' is not supported; send application/json.";
        }

        foreach (var parameter in parts.Skip(1))
        {
            var eq = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? parameter : parameter[..eq].Trim();
            var value = eq < 0 ? "" : parameter[(eq + 1)..].Trim().Trim('"');
            if (string.Equals(name, "charset", StringComparison.OrdinalIgnoreCase) && !string.Equals(value, "utf-8", StringComparison.OrdinalIgnoreCase))
            {
                return $"charset '{value}' is not supported; JSON bodies are UTF-8.";
            }
        }

        return null;
    }
}
