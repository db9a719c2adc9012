namespace OrderProcessing.Core.Common;

/// <summary>Collects field errors while a request is checked, then throws them together.</summary>
public sealed class ValidationErrors
{
    // Made on the first error: most requests have none, and one of these is created per request part checked.
    private Dictionary<string, List<string>>? _errors;

    /// <summary>True when no rule has failed.</summary>
    public bool IsEmpty => _errors is null;

    /// <summary>Records that <paramref name="field"/> broke a rule.</summary>
    public void Add(string field, string message)
    {
        _errors ??= new(StringComparer.Ordinal);
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
    }

    /// <summary>The errors so far as an immutable map.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors is null ? NoErrors : _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>(StringComparer.Ordinal).AsReadOnly();

    /// <summary>Throws a <see cref="ValidationException"/> when any rule failed.</summary>
    public void ThrowIfAny()
    {
        if (!IsEmpty)
        {
            throw new ValidationException(ToDictionary());
        }
    }
}
