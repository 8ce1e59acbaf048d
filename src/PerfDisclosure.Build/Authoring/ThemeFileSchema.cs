using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerfDisclosure.Core.Frameworks;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Scoring;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// The JSON Schema of a kind of theme file (layout, framework, scoring, import patterns), generated from the same
/// <see cref="FileSchema"/> the loader checks the files against, so an editor completes and flags what the tool does.
/// Theme files point at it with <c># yaml-language-server: $schema=…</c>.
/// </summary>
public static class ThemeFileSchema
{
    private const string Draft = "http://json-schema.org/draft-07/schema#";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Every kind of theme file that has a schema.</summary>
    public static IReadOnlyList<FileSchema> All { get; } = [LayoutFile.Schema, FrameworkFile.Schema, ScoringFile.Schema, ImportFile.Schema];

    public static string FileName(FileSchema schema) => $"{schema.Name}.schema.json";

    /// <summary>The schema as UTF-8 JSON text with '\n' line endings, identical on every machine.</summary>
    public static string Text(FileSchema schema) => Generate(schema).ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    public static byte[] Bytes(FileSchema schema) => new UTF8Encoding(false).GetBytes(Text(schema));

    public static JsonObject Generate(FileSchema schema)
    {
        var root = new JsonObject { ["$schema"] = Draft, ["$id"] = FileName(schema), ["title"] = schema.Title };
        foreach (var (name, value) in Node(schema.Root, required: true))
        {
            root[name] = value?.DeepClone();
        }

        if (schema.Named.Count > 0)
        {
            root["definitions"] = new JsonObject(schema.Named.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => KeyValuePair.Create(d.Key, (JsonNode?)Node(d.Value, required: true))));
        }

        return root;
    }

    /// <summary>One shape; an optional key may also be written with no value (a YAML null), which the loader reads as absent.</summary>
    private static JsonObject Node(Shape shape, bool required)
    {
        var node = shape switch
        {
            RefShape reference => new JsonObject { ["$ref"] = $"#/definitions/{reference.Name}" },
            ObjectShape mapping => Object(mapping, required),
            MapShape map => new JsonObject { ["type"] = Type("object", required), ["additionalProperties"] = Node(map.Values, required: true) },
            ListShape list => new JsonObject { ["type"] = Type("array", required), ["items"] = Node(list.Items, required: true) },
            NumberShape number => new JsonObject { ["type"] = Type(number.Integer ? "integer" : "number", required) },
            BooleanShape => new JsonObject { ["type"] = Type("boolean", required) },
            TextShape text => Text(text, required),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.GetType().Name),
        };
        if (shape.Description.Length > 0)
        {
            node["description"] = shape.Description;
        }

        return node;
    }

    private static JsonObject Object(ObjectShape shape, bool required)
    {
        var properties = new JsonObject();
        foreach (var key in shape.Keys)
        {
            properties[key.Name] = Node(key.Shape, key.Required);
        }

        var node = new JsonObject { ["type"] = Type("object", required), ["properties"] = properties, ["additionalProperties"] = false };
        if (shape.Keys.Any(k => k.Required))
        {
            node["required"] = new JsonArray([.. shape.Keys.Where(k => k.Required).Select(k => JsonValue.Create(k.Name))]);
        }

        return node;
    }

    private static JsonObject Text(TextShape shape, bool required)
    {
        var node = new JsonObject { ["type"] = Type("string", required) };
        if (shape.Values is { } values)
        {
            node["enum"] = new JsonArray([.. values.Select(v => JsonValue.Create(v)), .. required ? Array.Empty<JsonNode?>() : [null]]);
        }

        if (shape.Pattern is { } pattern)
        {
            node["pattern"] = pattern;
        }

        return node;
    }

    private static JsonNode Type(string type, bool required) => required ? JsonValue.Create(type) : new JsonArray(type, "null");
}
