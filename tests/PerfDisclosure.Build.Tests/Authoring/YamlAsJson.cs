using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Tests.Authoring;

/// <summary>YAML read as an editor's YAML language server sees it (YAML 1.2 core schema), as JSON for a schema validator.</summary>
internal static partial class YamlAsJson
{
    public static JToken Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return Convert(stream.Documents[0].RootNode);
    }

    private static JToken Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JObject(mapping.Children.Select(p => new JProperty(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Convert)),
        YamlScalarNode scalar when scalar.Style != ScalarStyle.Plain => new JValue(scalar.Value),
        YamlScalarNode scalar => Plain(scalar.Value ?? string.Empty),
        _ => throw new InvalidOperationException("unexpected YAML node " + node.NodeType),
    };

    private static JToken Plain(string value)
    {
        if (value is "" or "~" or "null" or "Null" or "NULL")
        {
            return JValue.CreateNull();
        }

        if (value is "true" or "false")
        {
            return new JValue(value == "true");
        }

        if (Integer().IsMatch(value))
        {
            return new JValue(long.Parse(value, CultureInfo.InvariantCulture));
        }

        return Float().IsMatch(value) ? new JValue(double.Parse(value, CultureInfo.InvariantCulture)) : new JValue(value);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
