using System.Globalization;
namespace OrderProcessing.Core.Common;

/// <summary>The page size rules of every listing.</summary>
public static class PageLimits
{
    /// <summary>Page size when the client names none.</summary>
    public const int Default = 20;

    /// <summary>Largest page size.</summary>
    public const int Max = 100;

    /// <summary>Returns the limit to use, or throws a validation error for <c>limit</c>.</summary>
    public static int Resolve(int? limit)
    {
        if (limit is null)
        {
            return Default;
        }

        if (limit < 1 || limit > Max)
        {
            throw ValidationException.ForField("limit", string.Create(CultureInfo.InvariantCulture, $"must be between 1 and {Max}"));
        }

        return limit.Value;
    }
}
