namespace OrderProcessing.Core.Common;

/// <summary>Input broke one or more rules. <see cref="Errors"/> maps field paths (<c>items[0].quantity</c>) to messages. HTTP 400.</summary>
public sealed class ValidationException : OrderProcessingException
{
    /// <summary>Creates the exception from the collected field errors.</summary>
    public ValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Field path to messages, in the order the rules were checked.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>A failure of one field.</summary>
    public static ValidationException ForField(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });

    private static string Describe(IReadOnlyDictionary<string, string[]> errors) =>
        "Validation failed: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}
