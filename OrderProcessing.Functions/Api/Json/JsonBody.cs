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
        var frames = new Stack<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var frame = frames.Peek();
                        var name = reader.GetString()!;
                        frame.CurrentName = name;
                        if (!frame.Names!.Add(name))
                        {
                            errors.Add(Join(frame.Path, name), "appears more than once");
                        }

                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (frames.Count >= MaxDepth)
                        {
                            errors.Add("body", $"must not nest deeper than {MaxDepth} levels");
                            return;
                        }

                        frames.Push(new Frame(PathOfValue(frames), reader.TokenType == JsonTokenType.StartObject));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.Pop();
                        break;
                    default:
                        PathOfValue(frames);
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

    // The path of the value starting now, advancing the enclosing array's index.
    private static string PathOfValue(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return "";
        }

        var parent = frames.Peek();
        return parent.Names is null ? $"{parent.Path}[{parent.Index++}]" : Join(parent.Path, parent.CurrentName ?? "");
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private sealed class Frame(string path, bool isObject)
    {
        public string Path { get; } = path;

        public HashSet<string>? Names { get; } = isObject ? new(StringComparer.Ordinal) : null;

        public string? CurrentName { get; set; }

        public int Index { get; set; }
    }
}
