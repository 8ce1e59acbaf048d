using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Loading;

/// <summary>Reads a layout definition (<c>templates/layouts/forms/&lt;id&gt;.yaml</c>).</summary>
public static class LayoutReader
{
    public static LayoutDefinition? Read(string file, string text, DiagnosticBag diagnostics)
    {
        var parsed = Yaml.Parse(file, text);
        if (parsed is null || parsed is YamlScalarNode scalar && Yaml.ScalarText(scalar) is null)
        {
            diagnostics.Report(SchemaRules.BadLayoutDefinition, SourceSpan.FileOnly(file), "版式定义为空", "The layout definition is empty");
            return null;
        }

        var clean = ShapeChecker.Check(LayoutFile.Schema, file, parsed, SchemaRules.BadLayoutDefinition, diagnostics);
        if (parsed is not YamlMappingNode root)
        {
            return null;
        }

        // What the shape check found is reported once: the reading below takes what it can without repeating it.
        var reader = new NodeReader(file, clean ? diagnostics : new DiagnosticBag());
        string Required(string key) => reader.Text(Child(root, key), key) ?? string.Empty;

        var id = Required("id");
        EnumNames.TryParse<FormKind>(Required("kind"), out var kind);
        var fields = Fields(reader, reader.Sequence(Child(root, "fields"), "fields"), LayoutFile.FormKeys, columns: false, [], topLevel: true);
        var columns = Fields(reader, reader.Sequence(Child(root, "indicator_columns"), "indicator_columns"), LayoutFile.LevelColumns, columns: true, [], topLevel: false);
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

        var layout = new LayoutDefinition(
            id,
            Required("title"),
            kind,
            reader.Text(Child(root, "jurisdiction"), "jurisdiction") ?? string.Empty,
            Required("owner"),
            reader.Text(Child(root, "framework"), "framework") ?? "mof",
            reader.Text(Child(root, "scoring"), "scoring"),
            reader.Text(Child(root, "amount_unit"), "amount_unit") ?? LayoutFile.DefaultAmountUnit,
            reader.Text(Child(root, "amount"), "amount") ?? string.Empty,
            reader.Boolean(Child(root, "landscape"), "landscape") ?? false,
            reader.Boolean(Child(root, "merge_levels"), "merge_levels") ?? true,
            fields,
            columns,
            sums,
            bounds,
            reader.Text(Child(root, "template"), "template") ?? id,
            ReadRedaction(reader, Child(root, "redaction")))
        {
            Print = ReadPrint(reader, Child(root, "print")),
            LevelLabels = ReadLevelLabels(reader, Child(root, "level_labels")),
            Places = root.Children.Where(e => e.Key is YamlScalarNode { Value: not null }).ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => reader.At(e.Value), StringComparer.Ordinal),
        };
        LayoutReferences.Check(layout, root, new NodeReader(file, diagnostics));

        return layout;
    }

    /// <summary>The layout's print hints (<c>print:</c>), or the defaults.</summary>
    private static PrintHints ReadPrint(NodeReader reader, YamlNode? node)
    {
        if (reader.Mapping(node, "print") is not { } mapping)
        {
            return PrintHints.Default;
        }

        var columns = reader.Sequence(Child(mapping, "columns"), "columns")?.Children.Select(c => reader.Number(c, "columns")).OfType<decimal>().Where(w => w > 0).ToList() ?? [];
        return new PrintHints(columns, reader.Boolean(Child(mapping, "repeat_header"), "repeat_header") ?? true);
    }

    /// <summary>The headers of the indicator table's name columns the layout names (<c>level_labels:</c>), by column.</summary>
    private static Dictionary<string, string> ReadLevelLabels(NodeReader reader, YamlNode? node)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (reader.Mapping(node, "level_labels") is { } mapping)
        {
            foreach (var level in LayoutFile.LevelColumns)
            {
                if (reader.Text(Child(mapping, level), level) is { Length: > 0 } text)
                {
                    labels[level] = text;
                }
            }
        }

        return labels;
    }

    /// <summary>The layout's redacted form for classified projects (<c>redaction:</c>), or null.</summary>
    private static Redaction? ReadRedaction(NodeReader reader, YamlNode? node)
    {
        if (reader.Mapping(node, "redaction") is not { } mapping)
        {
            return null;
        }

        List<string> Texts(string key) => reader.Sequence(Child(mapping, key), key)?.Children.Select(c => reader.Text(c, key)).OfType<string>().ToList() ?? [];
        return new Redaction(reader.Text(Child(mapping, "marker"), "marker") ?? Core.Values.ValueGrammar.ClassifiedWord, Texts("fields"), Texts("columns"));
    }

    /// <summary>A number field's <c>placeholders:</c>, the texts its official form prints where it has no number.</summary>
    private static List<string> Placeholders(NodeReader reader, YamlMappingNode field, FieldDefinition definition)
    {
        if (reader.Sequence(Child(field, "placeholders"), "placeholders") is not { } sequence)
        {
            return [];
        }

        if (definition.Type is not (FieldType.Number or FieldType.Amount))
        {
            reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(sequence), $"只有数字或金额字段可以有 placeholders，{definition.Key} 为 {definition.Type.ToString().ToLowerInvariant()}", $"Only number and amount fields have placeholders; '{definition.Key}' is {definition.Type.ToString().ToLowerInvariant()}");
            return [];
        }

        var texts = new List<string>();
        foreach (var node in sequence.Children)
        {
            var text = reader.Text(node, "placeholder")?.Trim();
            if (text is not null && decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(node), $"占位符“{text}”是一个数字", $"The placeholder '{text}' is a number");
            }
            else if (text is not null)
            {
                texts.Add(text);
            }
        }

        return texts;
    }

    /// <summary>A placing key (<c>group</c>, <c>section</c>) where it applies; elsewhere an error at its line.</summary>
    private static string? Placement(NodeReader reader, YamlMappingNode field, string key, bool applies, string zh, string en)
    {
        if (Child(field, key) is not { } node || reader.Text(node, key) is not { } text)
        {
            return null;
        }

        if (!applies)
        {
            reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(node), zh, en);
            return null;
        }

        return text;
    }

    internal static YamlNode? Child(YamlMappingNode mapping, string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The fields of one list; a repeated or reserved key (reported by <see cref="LayoutReferences"/>) is left out, so forms still load.</summary>
    /// <param name="roles">The roles taken so far in this list and the lists around it: each is one field's.</param>
    /// <param name="topLevel">Whether these are the form's own fields, the only ones a <c>section:</c> places.</param>
    private static List<FieldDefinition> Fields(NodeReader reader, YamlSequenceNode? sequence, IReadOnlyList<string> reserved, bool columns, HashSet<string> roles, bool topLevel, bool inTable = false)
    {
        var fields = new List<FieldDefinition>();
        var keys = new HashSet<string>(reserved, StringComparer.Ordinal);
        foreach (var node in sequence?.Children ?? [])
        {
            if (reader.Mapping(node, "field") is not { } field)
            {
                continue;
            }

            // The shape check has reported a field without a key or with an unknown type.
            if (reader.Text(Child(field, "key"), "key") is not { } key || !keys.Add(key))
            {
                continue;
            }

            EnumNames.TryParse<FieldType>(reader.Text(Child(field, "type"), "type") ?? EnumNames.Name(FieldType.Text), out var type);

            var values = reader.Sequence(Child(field, "values"), "values")?.Children.Select(v => reader.Text(v, "value") ?? string.Empty).ToList();
            foreach (var (tableKey, applies) in new[] { ("columns", type == FieldType.Table), ("total_row", type == FieldType.Table), ("product_of", inTable) })
            {
                if (!applies && Child(field, tableKey) is { } misplaced)
                {
                    reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(misplaced), $"{tableKey} 只用于表格字段（type: table）{(tableKey == "product_of" ? "的列" : string.Empty)}", $"{tableKey} belongs to a table field (type: table){(tableKey == "product_of" ? "'s columns" : string.Empty)}");
                }
            }

            var children = type switch
            {
                FieldType.Group => Fields(reader, reader.Sequence(Child(field, "fields"), "fields"), [], columns, roles, topLevel: false),
                FieldType.Table => TableColumns.Read(reader, field, key, Fields(reader, reader.Sequence(Child(field, "columns"), "columns"), [], columns: false, roles, topLevel: false, inTable: true)),
                _ => null,
            };
            var definition = new FieldDefinition(
                key,
                reader.Text(Child(field, "label"), "label") ?? key,
                type,
                reader.Boolean(Child(field, "required"), "required") ?? false,
                reader.Text(Child(field, "format"), "format"),
                values,
                children,
                reader.Text(Child(field, "description"), "description"));
            definition = definition with
            {
                TotalRow = type == FieldType.Table ? TableColumns.TotalRow(reader, field, children!) : null,
                Placeholders = Placeholders(reader, field, definition),
                Group = Placement(reader, field, "group", columns, "只有指标列可以有 group（列组）", "Only indicator columns have a group"),
                Section = EnumNames.TryParse<FieldSection>(Placement(reader, field, "section", topLevel, "只有顶层字段可以有 section（所在部分）", "Only top-level fields have a section"), out var section) ? section : FieldSection.Header,
                Row = Placement(reader, field, "row", topLevel, "只有顶层字段可以有 row（同一行）", "Only top-level fields have a row"),
            };
            if (definition.Row is { } row && Child(field, "row") is { } rowNode)
            {
                if (definition.Section == FieldSection.Header)
                {
                    reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(rowNode), "row（同一行）只用于 section: after 或 footer 的字段：表头由版式模板排列", "A row is for fields of section after or footer; the template arranges the header", new("加上 section: footer", "add section: footer"));
                }
                else if (fields.Any(f => f.Row == row) && (fields[^1].Row != row || fields[^1].Section != definition.Section))
                {
                    reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(rowNode), $"row {row} 的字段须相邻且属于同一部分", $"The fields of row '{row}' must be next to each other, in one section", new("把这个字段移到同一行的其他字段旁边", "move the field next to the others of its row"));
                }
            }

            fields.Add(LayoutRoles.Read(reader, field, definition, columns, roles));
        }

        return fields;
    }
}
