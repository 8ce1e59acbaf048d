using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Authoring;

/// <summary>
/// The JSON Schema of one layout's form files (editor autocompletion and checks while typing), generated from the
/// layout definition so that a new layout gets its schema without code. Content files point at it with
/// <c># yaml-language-server: $schema=…</c>.
/// </summary>
public static class LayoutSchema
{
    /// <summary>Where the schemas live, in the theme and in the published site.</summary>
    public const string Folder = "schemas/";

    private const string Draft = "http://json-schema.org/draft-07/schema#";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string FileName(string layoutId) => $"{layoutId}.schema.json";

    /// <summary>The schema as UTF-8 JSON text with '\n' line endings, identical on every machine.</summary>
    public static string Text(LayoutDefinition layout) =>
        Generate(layout).ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";

    public static byte[] Bytes(LayoutDefinition layout) => new UTF8Encoding(false).GetBytes(Text(layout));

    public static JsonObject Generate(LayoutDefinition layout)
    {
        var properties = new JsonObject
        {
            ["layout"] = new JsonObject { ["const"] = layout.Id, ["description"] = "版式 (layout)" },
            ["year"] = new JsonObject { ["type"] = "integer", ["minimum"] = 1949, ["maximum"] = 2200, ["description"] = "年度 (year)" },
            ["classified"] = new JsonObject { ["type"] = "boolean", ["description"] = "涉密项目不宜公开 (classified)" },
            ["draft"] = new JsonObject { ["type"] = "boolean", ["description"] = "草稿 (draft): previewed by serve, not published by build unless --drafts" },
        };
        var required = new JsonArray("layout", "year");
        AddFields(properties, required, layout.Fields);
        properties["indicators"] = new JsonObject
        {
            ["type"] = "array",
            ["description"] = "绩效指标 (performance indicators), one item per printed row",
            ["items"] = Indicator(layout),
        };
        return new JsonObject
        {
            ["$schema"] = Draft,
            ["$id"] = FileName(layout.Id),
            ["title"] = $"{layout.Title} ({layout.Id})",
            ["description"] = $"PerfDisclosure form file, layout {layout.Id} ({layout.Jurisdiction}); amounts in {layout.AmountUnit}.",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
    }

    private static void AddFields(JsonObject properties, JsonArray required, IReadOnlyList<FieldDefinition> fields)
    {
        foreach (var field in fields)
        {
            properties[field.Key] = Field(field);
            if (field.Type == FieldType.Organisation)
            {
                properties[field.Key + "_printed"] = new JsonObject
                {
                    ["type"] = new JsonArray("string", "null"),
                    ["description"] = $"{field.Label}: the name as the form prints it, when it differs from the organisation's name",
                };
            }

            if (field.Required)
            {
                required.Add(field.Key);
            }
        }
    }

    private static JsonObject Field(FieldDefinition field)
    {
        var schema = field.Type switch
        {
            FieldType.Group => Group(field),
            FieldType.Table => new JsonObject { ["type"] = Nullable(field, "array"), ["items"] = Group(field) },
            FieldType.Amount or FieldType.Number when field.Placeholders.Count > 0 => new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = Nullable(field, "number") },
                    new JsonObject { ["enum"] = new JsonArray([.. field.Placeholders.Select(p => (JsonNode)JsonValue.Create(p))]) }),
            },
            FieldType.Amount or FieldType.Number => new JsonObject { ["type"] = Nullable(field, "number") },
            FieldType.Date => new JsonObject { ["type"] = Nullable(field, "string"), ["pattern"] = @"^\d{4}-\d{2}-\d{2}$" },
            FieldType.Organisation => new JsonObject { ["type"] = Nullable(field, "string"), ["pattern"] = "^[a-z0-9-]+$" },
            _ => new JsonObject { ["type"] = Nullable(field, "string") },
        };
        schema["description"] = Describe(field);
        if (field.AllowedValues.Count > 0)
        {
            // The tool publishes a loosely spelled allowed value (31.履职类项目) with a warning, so an editor must not
            // flag it as an error: the enumeration offers the standard spellings, the pattern accepts the loose ones.
            schema["anyOf"] = new JsonArray(
                new JsonObject { ["enum"] = new JsonArray([.. field.AllowedValues.Select(v => JsonValue.Create(v)), .. field.Required ? Array.Empty<JsonNode?>() : [null]]) },
                new JsonObject { ["type"] = "string", ["pattern"] = LoosePattern(field.AllowedValues) });
        }

        return schema;
    }

    /// <summary>An ECMAScript pattern matching any loose spelling of the values (<see cref="FieldDefinition.Loose"/>).</summary>
    private static string LoosePattern(IEnumerable<string> values)
    {
        var separator = "[\\s" + string.Concat(FieldDefinition.LoosePunctuation.Select(Escape)) + "]*";
        return "^(?:" + string.Join("|", values.Select(v => separator + string.Concat(FieldDefinition.Loose(v).Select(c => Escape(c) + separator)))) + ")$";
    }

    private static string Escape(char c) => "\\^$.*+?()[]{}|/-".Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString();

    private static JsonObject Group(FieldDefinition field)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        AddFields(properties, required, field.Children);
        var schema = new JsonObject { ["type"] = Nullable(field, "object"), ["properties"] = properties, ["additionalProperties"] = false };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        return schema;
    }

    private static JsonObject Indicator(LayoutDefinition layout)
    {
        var properties = new JsonObject
        {
            ["level1"] = new JsonObject { ["type"] = "string", ["description"] = "一级指标 (level-1 indicator)" },
            ["level2"] = new JsonObject { ["type"] = "string", ["description"] = "二级指标 (level-2 indicator)" },
            ["level3"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["description"] = "三级指标 (level-3 indicator)" },
        };
        foreach (var column in layout.IndicatorColumns)
        {
            properties[column.Key] = Field(column with { Required = false });
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray("level1", "level2"),
            ["additionalProperties"] = false,
        };
    }

    /// <summary>A blank cell is an omitted key or a YAML null, so optional fields accept null.</summary>
    private static JsonNode Nullable(FieldDefinition field, string type) =>
        field.Required ? JsonValue.Create(type) : new JsonArray(type, "null");

    private static string Describe(FieldDefinition field) => field.Type switch
    {
        FieldType.Value => $"{field.Label}: quote it, kept exactly as published (\"≥90.00(%)\")",
        FieldType.Markdown => $"{field.Label} (Markdown)",
        FieldType.Amount => $"{field.Label}: a number in the layout's unit",
        FieldType.Organisation => $"{field.Label}: an organisation id (content/organisations/<id>.yaml)",
        _ => field.Label,
    };
}
