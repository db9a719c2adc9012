using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrderProcessing.Topology.Events.ApiGateway;

/// <summary>
/// Writes a <see cref="ProxyBody"/> as the JSON string it is, straight from its UTF-8 bytes when it carries them (the
/// writer escapes either form alike, so the document is byte for byte the same); reads a string, and null as no body.
/// </summary>
internal sealed class ProxyBodyJsonConverter : JsonConverter<ProxyBody>
{
    // A null body reads as no body, as API Gateway treats it.
    public override bool HandleNull => true;

    public override ProxyBody Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => ProxyBody.Empty,
            JsonTokenType.String => ProxyBody.FromString(reader.GetString()!),
            _ => throw new JsonException($"body must be a string, not {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, ProxyBody value, JsonSerializerOptions options)
    {
        if (value.TryGetUtf8(out var utf8))
        {
            writer.WriteStringValue(utf8);
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
