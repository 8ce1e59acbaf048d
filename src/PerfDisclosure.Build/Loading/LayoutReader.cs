using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation.Rules.Schema;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Loading;

/// <summary>Reads a layout definition (<c>templates/layouts/forms/&lt;id&gt;.yaml</c>).</summary>
public static class LayoutReader
{
    public static LayoutDefinition? Read(string file, string text, DiagnosticBag diagnostics)
    {
        var reader = new NodeReader(file, diagnostics);
        var root = reader.Mapping(Yaml.Parse(file, text), "layout");
        if (root is null)
        {
            diagnostics.Report(SchemaRules.BadLayoutDefinition, SourceSpan.FileOnly(file), "版式定义为空", "The layout definition is empty");
            return null;
        }

        string Required(string key)
        {
            var value = reader.Text(Child(root, key), key);
            if (value is null)
            {
                diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(root), $"版式定义缺少 {key}", $"The layout definition lacks '{key}'");
            }

            return value ?? string.Empty;
        }

        var id = Required("id");
        var kind = Required("kind") switch
        {
            "self-evaluation" => FormKind.SelfEvaluation,
            _ => FormKind.Target,
        };
        var fields = Fields(reader, reader.Sequence(Child(root, "fields"), "fields"));
        var columns = Fields(reader, reader.Sequence(Child(root, "indicator_columns"), "indicator_columns"));
        var checks = reader.Mapping(Child(root, "checks"), "checks");
        var sums = new List<SumCheck>();
        var bounds = new List<NotAboveCheck>();
        if (checks is not null)
        {
            foreach (var node in reader.Sequence(Child(checks, "sums"), "sums")?.Children ?? [])
            {
                if (reader.Mapping(node, "sum") is { } sum)
                {
                    var parts = reader.Sequence(Child(sum, "parts"), "parts")?.Children.Select(p => reader.Text(p, "part") ?? string.Empty).ToList() ?? [];
                    sums.Add(new SumCheck(reader.Text(Child(sum, "total"), "total") ?? string.Empty, parts));
                }
            }

            foreach (var node in reader.Sequence(Child(checks, "bounds"), "bounds")?.Children ?? [])
            {
                if (reader.Mapping(node, "bound") is { } bound)
                {
                    bounds.Add(new NotAboveCheck(reader.Text(Child(bound, "part"), "part") ?? string.Empty, reader.Text(Child(bound, "whole"), "whole") ?? string.Empty));
                }
            }
        }

        return new LayoutDefinition(
            id,
            Required("title"),
            kind,
            reader.Text(Child(root, "jurisdiction"), "jurisdiction") ?? string.Empty,
            Required("owner"),
            reader.Text(Child(root, "framework"), "framework") ?? "mof",
            reader.Text(Child(root, "scoring"), "scoring"),
            reader.Text(Child(root, "amount_unit"), "amount_unit") ?? "元",
            reader.Text(Child(root, "amount"), "amount") ?? string.Empty,
            reader.Boolean(Child(root, "landscape"), "landscape") ?? false,
            reader.Boolean(Child(root, "merge_levels"), "merge_levels") ?? true,
            fields,
            columns,
            sums,
            bounds,
            reader.Text(Child(root, "template"), "template") ?? id,
            ReadRedaction(reader, Child(root, "redaction")));
    }

    /// <summary>The layout's redacted form for classified projects (<c>redaction:</c>), or null.</summary>
    private static Redaction? ReadRedaction(NodeReader reader, YamlNode? node)
    {
        if (reader.Mapping(node, "redaction") is not { } mapping)
        {
            return null;
        }

        List<string> Texts(string key) => reader.Sequence(Child(mapping, key), key)?.Children.Select(c => reader.Text(c, key)).OfType<string>().ToList() ?? [];
        return new Redaction(reader.Text(Child(mapping, "marker"), "marker") ?? "涉密", Texts("fields"), Texts("columns"));
    }

    internal static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static List<FieldDefinition> Fields(NodeReader reader, YamlSequenceNode? sequence)
    {
        var fields = new List<FieldDefinition>();
        foreach (var node in sequence?.Children ?? [])
        {
            if (reader.Mapping(node, "field") is not { } field)
            {
                continue;
            }

            var key = reader.Text(Child(field, "key"), "key");
            if (key is null)
            {
                reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(field), "字段缺少 key", "A field lacks 'key'");
                continue;
            }

            var typeText = reader.Text(Child(field, "type"), "type") ?? "text";
            if (!Enum.TryParse<FieldType>(typeText, ignoreCase: true, out var type))
            {
                reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(field), $"未知字段类型 {typeText}", $"Unknown field type '{typeText}'");
            }

            var values = reader.Sequence(Child(field, "values"), "values")?.Children.Select(v => reader.Text(v, "value") ?? string.Empty).ToList();
            var children = type == FieldType.Group ? Fields(reader, reader.Sequence(Child(field, "fields"), "fields")) : null;
            fields.Add(new FieldDefinition(
                key,
                reader.Text(Child(field, "label"), "label") ?? key,
                type,
                reader.Boolean(Child(field, "required"), "required") ?? false,
                reader.Text(Child(field, "format"), "format"),
                values,
                children,
                reader.Text(Child(field, "description"), "description")));
        }

        return fields;
    }
}
