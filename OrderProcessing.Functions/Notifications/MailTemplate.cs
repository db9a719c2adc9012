using System.Text;
using System.Text.RegularExpressions;

namespace OrderProcessing.Functions.Notifications;

/// <summary>
/// A customer e-mail template: a small, logic-less subset of Mustache. <c>{{name}}</c> is replaced by a value (HTML-encoded
/// in an HTML template), <c>{{{name}}}</c> by a value as it is (a layout's already rendered content); <c>{{#name}}...{{/name}}</c> repeats for each row of a list, or renders once for a true flag or a
/// non-empty text; <c>{{^name}}...{{/name}}</c> renders when the value is false, empty or missing. A section tag alone on
/// its line takes the line with it. A name the values lack fails the render, so a typo in a template fails its test
/// instead of reaching a customer. Written here rather than taken from a template engine because the served engines read
/// models by reflection or compiled expressions, which the Native AOT functions cannot rely on; this needs neither.
/// </summary>
public sealed partial class MailTemplate
{
    private readonly string _text;
    private readonly bool _html;

    /// <summary>Parses <paramref name="text"/>; <paramref name="html"/> makes substitutions HTML-encoded.</summary>
    public MailTemplate(string text, bool html)
    {
        ArgumentNullException.ThrowIfNull(text);
        _text = StandaloneTag().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), "$1");
        _html = html;
    }

    /// <summary>Renders the template with <paramref name="values"/>: each a <see cref="string"/>, a <see cref="bool"/> or a list of rows.</summary>
    public string Render(IReadOnlyDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder(_text.Length * 2);
        Render(_text, values, output);
        return output.ToString();
    }

    private void Render(string text, IReadOnlyDictionary<string, object> values, StringBuilder output)
    {
        var position = 0;
        foreach (Match tag in Tag().Matches(text))
        {
            if (tag.Index < position)
            {
                continue;
            }

            output.Append(text, position, tag.Index - position);
            if (tag.Groups["raw"].Success)
            {
                output.Append(Lookup(values, tag.Groups["raw"].Value) as string ?? throw new FormatException($"Template value '{tag.Groups["raw"].Value}' is not text."));
                position = tag.Index + tag.Length;
                continue;
            }

            var sigil = tag.Groups["sigil"].Value;
            var name = tag.Groups["name"].Value;
            if (sigil.Length == 0)
            {
                var value = Lookup(values, name) as string ?? throw new FormatException($"Template value '{name}' is not text.");
                output.Append(_html ? HtmlEncode(value) : value);
                position = tag.Index + tag.Length;
                continue;
            }

            if (sigil == "/")
            {
                throw new FormatException($"Template section '{name}' is closed but never opened.");
            }

            var close = "{{/" + name + "}}";
            var end = text.IndexOf(close, tag.Index + tag.Length, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new FormatException($"Template section '{name}' is never closed.");
            }

            var inner = text[(tag.Index + tag.Length)..end];
            values.TryGetValue(name, out var sectionValue);
            if (sigil == "#")
            {
                switch (sectionValue)
                {
                    case IReadOnlyList<IReadOnlyDictionary<string, object>> rows:
                        foreach (var row in rows)
                        {
                            Render(inner, new Scope(row, values), output);
                        }

                        break;
                    case bool flag:
                        if (flag)
                        {
                            Render(inner, values, output);
                        }

                        break;
                    case string s:
                        if (s.Length > 0)
                        {
                            Render(inner, values, output);
                        }

                        break;
                    case null:
                        throw new FormatException($"Template section '{name}' has no value.");
                    default:
                        throw new FormatException($"Template section '{name}' has a value of an unsupported kind.");
                }
            }
            else if (sectionValue is null or false or "" || sectionValue is IReadOnlyList<IReadOnlyDictionary<string, object>> { Count: 0 })
            {
                Render(inner, values, output);
            }

            position = end + close.Length;
        }

        output.Append(text, position, text.Length - position);
    }

    // Only the characters HTML gives meaning to: the body is UTF-8, so accented names stay readable in the source too.
    private static string HtmlEncode(string value) => value
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    private static object Lookup(IReadOnlyDictionary<string, object> values, string name) =>
        values.TryGetValue(name, out var value) ? value : throw new FormatException($"Template value '{name}' is missing.");

    [GeneratedRegex(@"\{\{\{(?<raw>[A-Za-z][A-Za-z0-9]*)\}\}\}|\{\{(?<sigil>[#^/]?)(?<name>[A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^[ \t]*(\{\{[#^/][A-Za-z][A-Za-z0-9]*\}\})[ \t]*\n", RegexOptions.Multiline)]
    private static partial Regex StandaloneTag();

    // A row's values first, then the enclosing ones (the order's id inside the lines, for instance).
    private sealed class Scope(IReadOnlyDictionary<string, object> row, IReadOnlyDictionary<string, object> outer) : IReadOnlyDictionary<string, object>
    {
        public int Count => row.Count + outer.Count;

        public IEnumerable<string> Keys => row.Keys.Concat(outer.Keys);

        public IEnumerable<object> Values => row.Values.Concat(outer.Values);

        public object this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public bool ContainsKey(string key) => row.ContainsKey(key) || outer.ContainsKey(key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out object value) =>
            row.TryGetValue(key, out value) || outer.TryGetValue(key, out value);

        public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => row.Concat(outer).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
