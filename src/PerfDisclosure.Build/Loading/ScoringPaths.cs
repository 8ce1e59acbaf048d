using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Validation.Rules.Schema;
using YamlDotNet.RepresentationModel;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// The field paths a scoring file names exist in each layout that uses it, with the right type (PD0011 at the
/// scoring file's node, naming the layout): every fund row and the execution row is a group field, and each of them
/// has the budget and spent columns as amounts and the rate, weight and score columns as numbers.
/// </summary>
internal static class ScoringPaths
{
    public static void Check(LayoutDefinition layout, YamlMappingNode root, NodeReader reader)
    {
        var groups = layout.AllFields().Where(f => f.Field.Type == FieldType.Group).Select(f => f.Path).ToList();
        var rows = new List<(FieldDefinition Row, string What)>();
        foreach (var (node, i) in (Child(root, "fund_rows") as YamlSequenceNode)?.Children.Select((n, i) => (n, i)) ?? [])
        {
            if (Group(layout, reader, node, $"fund_rows[{i}]", groups) is { } row)
            {
                rows.Add((row, $"fund_rows[{i}]"));
            }
        }

        Group(layout, reader, Child(root, "execution_row"), "execution_row", groups);
        if (Child(root, "columns") is not YamlMappingNode columns)
        {
            return;
        }

        foreach (var (key, type) in new[] { ("budget", FieldType.Amount), ("spent", FieldType.Amount), ("rate", FieldType.Number), ("weight", FieldType.Number), ("score", FieldType.Number) })
        {
            if (Child(columns, key) is not YamlScalarNode { Value: { } column } node)
            {
                continue;
            }

            var typeName = EnumNames.Name(type);
            var wrong = rows.Where(r => r.Row.Child(column)?.Type != type).ToList();
            if (wrong.Count > 0)
            {
                var lacking = string.Join(", ", wrong.Select(r => r.Row.Child(column) is { } found ? $"{r.What} ({r.Row.Key}) has it as {EnumNames.Name(found.Type)}" : $"{r.What} ({r.Row.Key}) has no such column"));
                var suggestion = Suggestions.Closest(column, wrong[0].Row.Children.Where(c => c.Type == type).Select(c => c.Key));
                reader.Diagnostics.Report(SchemaRules.BadValidationData, reader.At(node), $"columns.{key}“{column}”在版式 {layout.Id} 的每个资金行中应为 {typeName} 字段：{lacking}", $"'columns.{key}' names '{column}', which must be {(typeName == "amount" ? "an" : "a")} {typeName} field of every fund row of layout {layout.Id}: {lacking}", suggestion is null ? null : $"did you mean '{suggestion}'?");
            }
        }
    }

    private static FieldDefinition? Group(LayoutDefinition layout, NodeReader reader, YamlNode? node, string what, IReadOnlyList<string> groups)
    {
        if (node is not YamlScalarNode scalar || Yaml.ScalarText(scalar) is not { } path)
        {
            return null;
        }

        if (groups.Contains(path))
        {
            return layout.FieldAt(path);
        }

        var suggestion = Suggestions.Closest(path, groups);
        reader.Diagnostics.Report(SchemaRules.BadValidationData, reader.At(node), $"{what} 应指向版式 {layout.Id} 的分组（group）字段，版式中没有“{path}”这样的字段", $"'{what}' must name a group field of layout {layout.Id}; it has none at '{path}'", suggestion is null ? $"name one of: {string.Join(", ", groups)}" : $"did you mean '{suggestion}'?");
        return null;
    }

    private static YamlNode? Child(YamlMappingNode mapping, string key) => LayoutReader.Child(mapping, key);
}
