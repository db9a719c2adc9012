using Amazon.DynamoDBv2.Model;

namespace OrderProcessing.Functions.Adapters.DynamoDb;

/// <summary>
/// Builds an UpdateItem request's expressions: collects SET, ADD and REMOVE clauses and AND-ed conditions, handing out a
/// <c>#n</c> placeholder per attribute name (the same name, the same placeholder; <c>name</c> and other reserved words
/// need one anyway, and order ids are not valid bare names) and a <c>:v</c> placeholder per value, and yields the
/// expressions with their name and value maps. No clause is assembled by string concatenation at the call site.
/// </summary>
internal sealed class UpdateExpressionBuilder
{
    private readonly Dictionary<string, string> _placeholders = new(StringComparer.Ordinal);
    private readonly List<string> _set = [];
    private readonly List<string> _add = [];
    private readonly List<string> _remove = [];
    private readonly List<string> _conditions = [];

    /// <summary>Placeholder to attribute name, for <c>ExpressionAttributeNames</c>.</summary>
    public Dictionary<string, string> Names { get; } = new(StringComparer.Ordinal);

    /// <summary>Placeholder to value, for <c>ExpressionAttributeValues</c>.</summary>
    public Dictionary<string, AttributeValue> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>The update expression: <c>SET ... ADD ... REMOVE ...</c>, each section present when it has a clause.</summary>
    public string UpdateExpression
    {
        get
        {
            var sections = new List<string>(3);
            Section(sections, "SET", _set);
            Section(sections, "ADD", _add);
            Section(sections, "REMOVE", _remove);
            return sections.Count > 0 ? string.Join(' ', sections) : throw new InvalidOperationException("The update has no clause.");
        }
    }

    /// <summary>The conditions joined with <c>AND</c>, or null when there is none.</summary>
    public string? ConditionExpression => _conditions.Count > 0 ? string.Join(" AND ", _conditions) : null;

    /// <summary>The placeholder path of a (nested) attribute: <c>#n0.#n1</c> for <c>ledger</c>, <c>o-1</c>.</summary>
    public string Path(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentOutOfRangeException.ThrowIfZero(names.Length, nameof(names));
        return string.Join('.', names.Select(Name));
    }

    /// <summary>A new value placeholder for <paramref name="value"/>.</summary>
    public string Value(AttributeValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var placeholder = ":v" + Values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Values[placeholder] = value;
        return placeholder;
    }

    /// <summary>Adds <c>SET path = expression</c>; <paramref name="expression"/> uses placeholders from this builder (<c>#n0 - :v0</c>).</summary>
    public UpdateExpressionBuilder Set(string path, string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        _set.Add($"{path} = {expression}");
        return this;
    }

    /// <summary>Adds <c>SET path = :v</c>.</summary>
    public UpdateExpressionBuilder Set(string path, AttributeValue value) => Set(path, Value(value));

    /// <summary>Adds <c>ADD path :v</c> (a number added atomically, or elements added to a set).</summary>
    public UpdateExpressionBuilder Add(string path, AttributeValue value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _add.Add($"{path} {Value(value)}");
        return this;
    }

    /// <summary>Adds <c>REMOVE path</c>.</summary>
    public UpdateExpressionBuilder Remove(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _remove.Add(path);
        return this;
    }

    /// <summary>Adds a condition, AND-ed with the others; it uses placeholders from this builder. Parenthesise a disjunction.</summary>
    public UpdateExpressionBuilder Condition(string condition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(condition);
        _conditions.Add(condition);
        return this;
    }

    /// <summary>The UpdateItem request for the item at <paramref name="key"/> of <paramref name="table"/>.</summary>
    public UpdateItemRequest ToRequest(string table, Dictionary<string, AttributeValue> key) => new()
    {
        TableName = table,
        Key = key,
        UpdateExpression = UpdateExpression,
        ConditionExpression = ConditionExpression,
        ExpressionAttributeNames = Names,
        ExpressionAttributeValues = Values.Count > 0 ? Values : null,
    };

    private string Name(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_placeholders.TryGetValue(name, out var placeholder))
        {
            placeholder = "#n" + _placeholders.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            _placeholders[name] = placeholder;
            Names[placeholder] = name;
        }

        return placeholder;
    }

    private static void Section(List<string> sections, string keyword, List<string> clauses)
    {
        if (clauses.Count > 0)
        {
            sections.Add(keyword + " " + string.Join(", ", clauses));
        }
    }
}
