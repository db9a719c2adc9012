using System.Globalization;

namespace OrderProcessing.Functions.Api.Json;

/// <summary>
/// The path of a body field in error messages (<c>items[2].quantity</c>, <c>shippingAddress.city</c>), put together only
/// when an error names it: a valid body, the common case, builds no path strings.
/// </summary>
/// <param name="Parent">The enclosing member (<c>items</c>, <c>shippingAddress</c>), or null at the top.</param>
/// <param name="Index">The element of <paramref name="Parent"/>'s array, or -1.</param>
/// <param name="Member">The member's name.</param>
internal readonly record struct FieldPath(string? Parent, int Index, string Member)
{
    /// <summary>A top-level member, or a path given whole.</summary>
    public static implicit operator FieldPath(string member) => new(null, -1, member);

    /// <summary>The path as error messages print it.</summary>
    public override string ToString() => (Parent, Index) switch
    {
        (null, _) => Member,
        (_, < 0) => $"{Parent}.{Member}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Parent}[{Index}].{Member}"),
    };
}
