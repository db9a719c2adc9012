using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;
using SettingKeys = OrderProcessing.Infra.Plan.Settings.SettingKeys;

namespace OrderProcessing.Infra.Plan.Tests.Support;

/// <summary>
/// Reads a <c>Pulumi.&lt;stack&gt;.yaml</c> file the way Pulumi hands configuration to a program: every key fully qualified
/// (<c>order-processing:logRetentionDays</c>), scalars as their text, lists and maps as JSON text.
/// </summary>
public static class StackConfigFile
{
    /// <summary>Every configuration value of the file by qualified key.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        var yaml = new YamlStream();
        using (var reader = new StringReader(File.ReadAllText(path)))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var config = (YamlMappingNode)root.Children[new YamlScalarNode("config")];
        return config.Children.ToDictionary(
            entry => ((YamlScalarNode)entry.Key).Value!,
            entry => entry.Value is YamlScalarNode scalar ? scalar.Value ?? "" : ToJson(entry.Value)!.ToJsonString());
    }

    /// <summary>The values of the <c>order-processing</c> namespace by unqualified key, as <c>StackSettings.Load</c> looks them up.</summary>
    public static IReadOnlyDictionary<string, string> ReadProjectSettings(string path) =>
        Read(path)
            .Where(entry => entry.Key.StartsWith(SettingKeys.Namespace + ":", StringComparison.Ordinal))
            .ToDictionary(entry => entry.Key[(SettingKeys.Namespace.Length + 1)..], entry => entry.Value);

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value!, ToJson(e.Value)))),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"Unsupported YAML node {node.NodeType}."),
    };

    // Pulumi keeps the YAML type of values inside lists and maps: plain numbers and booleans stay numbers and booleans.
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain)
        {
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return JsonValue.Create(integer);
            }

            if (bool.TryParse(text, out var flag))
            {
                return JsonValue.Create(flag);
            }
        }

        return JsonValue.Create(text);
    }
}
