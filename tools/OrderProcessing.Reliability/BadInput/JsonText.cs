using System.Globalization;
using System.Text;

namespace OrderProcessing.Reliability.BadInput;

/// <summary>
/// JSON as text, built by hand so it can say what serializers refuse to: duplicate keys, lone surrogates, raw number
/// tokens of any size. <see cref="Render"/> writes exactly the tree, escaping only what JSON requires (and every
/// control character and lone surrogate as <c>\uXXXX</c>, so a lone surrogate reaches the server as its escape).
/// </summary>
internal abstract record JsonText
{
    /// <summary>The JSON text.</summary>
    public abstract string Render();

    /// <summary>A raw token written as is: a number (<c>1e309</c>), <c>true</c>, <c>null</c>, or deliberately broken text.</summary>
    public sealed record Raw(string Text) : JsonText
    {
        public override string Render() => Text;
    }

    /// <summary>A string value.</summary>
    public sealed record Str(string Value) : JsonText
    {
        public override string Render() => Quote(Value);
    }

    /// <summary>An array.</summary>
    public sealed record Arr(IReadOnlyList<JsonText> Items) : JsonText
    {
        public override string Render() => "[" + string.Join(",", Items.Select(i => i.Render())) + "]";
    }

    /// <summary>An object whose members keep their order and may repeat a name.</summary>
    public sealed record Obj(IReadOnlyList<KeyValuePair<string, JsonText>> Members) : JsonText
    {
        public override string Render() => "{" + string.Join(",", Members.Select(m => Quote(m.Key) + ":" + m.Value.Render())) + "}";

        /// <summary>The member named <paramref name="name"/>, or null.</summary>
        public JsonText? this[string name] => Members.FirstOrDefault(m => m.Key == name).Value;

        /// <summary>A copy with <paramref name="name"/> set (replaced in place, or appended).</summary>
        public Obj With(string name, JsonText value) =>
            Members.Any(m => m.Key == name)
                ? new Obj(Members.Select(m => m.Key == name ? new KeyValuePair<string, JsonText>(name, value) : m).ToList())
                : new Obj([.. Members, new(name, value)]);

        /// <summary>A copy without <paramref name="name"/>.</summary>
        public Obj Without(string name) => new(Members.Where(m => m.Key != name).ToList());
    }

    /// <summary>An object from name and value pairs.</summary>
    public static Obj Object(params (string Name, JsonText Value)[] members) =>
        new(members.Select(m => new KeyValuePair<string, JsonText>(m.Name, m.Value)).ToList());

    /// <summary>A JSON string literal of <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                // A valid pair (an emoji) travels as UTF-8, as clients send it.
                text.Append(c).Append(value[++i]);
                continue;
            }

            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                _ when c < ' ' || char.IsSurrogate(c) || c is '\u2028' or '\u2029' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
