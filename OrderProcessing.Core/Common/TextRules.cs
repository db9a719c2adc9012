using System.Diagnostics.CodeAnalysis;
using System.Globalization;
namespace OrderProcessing.Core.Common;

/// <summary>The string rules shared by every request: required, at most 200 characters, identifiers without control characters.</summary>
public static class TextRules
{
    /// <summary>Longest accepted string.</summary>
    public const int MaxLength = 200;

    /// <summary>Checks a required string; returns true when it passed.</summary>
    public static bool CheckRequired(ValidationErrors errors, string field, [NotNullWhen(true)] string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, "is required");
            return false;
        }

        return CheckOptional(errors, field, value);
    }

    /// <summary>Checks an optional string's length and characters; returns true when it passed.</summary>
    public static bool CheckOptional(ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return true;
        }

        if (value.Length > MaxLength)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"must be at most {MaxLength} characters"));
            return false;
        }

        if (value.Any(char.IsControl))
        {
            errors.Add(field, "must not contain control characters");
            return false;
        }

        if (HasLoneSurrogate(value))
        {
            errors.Add(field, "must be valid Unicode text");
            return false;
        }

        return true;
    }

    /// <summary>Checks an identifier: required, at most 200 characters, printable ASCII without spaces or slashes.</summary>
    public static bool CheckIdentifier(ValidationErrors errors, string field, [NotNullWhen(true)] string? value)
    {
        if (!CheckRequired(errors, field, value))
        {
            return false;
        }

        if (value.Any(c => c is <= ' ' or > '~' or '/' or '#'))
        {
            errors.Add(field, "may contain only printable ASCII characters other than space, '/' and '#'");
            return false;
        }

        return true;
    }

    /// <summary>
    /// True when <see cref="CheckIdentifier"/> would find nothing to report (non-empty, at most 200 printable ASCII
    /// characters other than space, '/' and '#'), without needing the field's name: callers build it only for errors.
    /// </summary>
    internal static bool IsValidIdentifier([NotNullWhen(true)] string? value)
    {
        if (value is null || value.Length is 0 or > MaxLength)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is <= ' ' or > '~' or '/' or '#')
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    return true;
                }

                i++;
            }
            else if (char.IsLowSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }
}
