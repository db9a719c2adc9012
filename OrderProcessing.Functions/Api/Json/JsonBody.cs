using System.Text.Json;
using OrderProcessing.Core.Common;

namespace OrderProcessing.Functions.Api.Json;

/// <summary>
/// Parses a request body into a JSON object, rejecting with field errors what a lenient parser would let through:
/// malformed or truncated JSON, nesting deeper than <see cref="MaxDepth"/>, and a member given twice (which one would win
/// is parser-dependent, so neither is accepted).
/// </summary>
internal static class JsonBody
{
    /// <summary>Deepest nesting accepted; the contract's bodies need three levels.</summary>
    public const int MaxDepth = 16;

    /// <summary>The body as a JSON object; a <see cref="ValidationException"/> on <c>body</c> or the offending member otherwise.</summary>
    public static JsonDocument ParseObject(ReadOnlyMemory<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            throw ValidationException.ForField("body", "is required: send a JSON object");
        }

        var errors = new ValidationErrors();
        Scan(utf8.Span, errors);
        errors.ThrowIfAny();
        var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = MaxDepth + 1 });
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw ValidationException.ForField("body", $"must be a JSON object, not {Describe(kind)}");
        }

        return document;
    }

    /// <summary>A JSON value kind in words, for messages.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static void Scan(ReadOnlySpan<byte> utf8, ValidationErrors errors)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Disallow });
        Frame? frame = null;
        var depth = 0;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = reader.GetString()!;
                        frame!.CurrentName = name;
                        if (!frame.AddName(name))
                        {
                            errors.Add(Join(frame.Path, name), "appears more than once");
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (depth >= MaxDepth)
                        {
                            errors.Add("body", $"must not nest deeper than {MaxDepth} levels");
                            return;
                        }

                        frame = new Frame(frame, reader.TokenType == JsonTokenType.StartObject);
                        depth++;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frame = frame!.Parent;
                        depth--;
                        break;
                    default:
                        frame?.ValueStarted();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
            errors.Add("body", $"is not valid JSON: {message} (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})");
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    // An open object or array. Its path (needed only to name a duplicate member) is worked out when asked for, from
    // where it sits in its parent: a valid body builds no path strings.
    private sealed class Frame
    {
        private readonly string? _nameInParent;
        private readonly int _indexInParent = -1;
        private int _nextIndex;
        private string? _path;

        // Members seen so far: a short list (bodies have a handful per object), a set once an object has many.
        private const int ListLimit = 16;
        private readonly List<string>? _names;
        private HashSet<string>? _manyNames;

        public Frame(Frame? parent, bool isObject)
        {
            Parent = parent;
            _names = isObject ? new(4) : null;
            if (parent is null)
            {
                _path = "";
            }
            else if (!parent.IsObject)
            {
                _indexInParent = parent._nextIndex++;
            }
            else
            {
                _nameInParent = parent.CurrentName ?? "";
            }
        }

        public Frame? Parent { get; }

        public bool IsObject => _names is not null;

        public string? CurrentName { get; set; }

        public string Path => _path ??= _nameInParent is not null
            ? Join(Parent!.Path, _nameInParent)
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Parent!.Path}[{_indexInParent}]");

        /// <summary>Records a member name; false when the object already has it.</summary>
        public bool AddName(string name)
        {
            if (_manyNames is not null)
            {
                return _manyNames.Add(name);
            }

            var names = _names!;
            if (names.Contains(name, StringComparer.Ordinal))
            {
                return false;
            }

            names.Add(name);
            if (names.Count > ListLimit)
            {
                _manyNames = new HashSet<string>(names, StringComparer.Ordinal);
            }

            return true;
        }

        // A primitive value starts: in an array it takes the next index.
        public void ValueStarted()
        {
            if (!IsObject)
            {
                _nextIndex++;
            }
        }
    }
}
