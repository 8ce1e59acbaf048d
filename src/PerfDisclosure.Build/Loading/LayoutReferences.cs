using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// What a layout's keys name must exist, with the right type (PD0010 at the naming node): the owner is an organisation
/// field, the amount and every path of a sum or a bound an amount field, redacted fields and columns are the layout's;
/// and keys are unique where forms use them as YAML keys. Runs on a layout whose shape is clean.
/// </summary>
internal static class LayoutReferences
{
    public static void Check(LayoutDefinition layout, YamlMappingNode root, NodeReader reader)
    {
        UniqueKeys(reader, Child(root, "fields"), "fields", LayoutFile.FormKeys);
        UniqueKeys(reader, Child(root, "indicator_columns"), "indicator_columns", LayoutFile.LevelColumns);

        var organisations = layout.AllFields().Where(f => !f.Path.Contains('.') && f.Field.Type == FieldType.Organisation).Select(f => f.Path).ToList();
        var amounts = layout.AllFields().Where(f => f.Field.Type == FieldType.Amount).Select(f => f.Path).ToList();
        Names(reader, Child(root, "owner"), "owner", organisations, "组织（organisation）类型的顶层字段", "a top-level organisation field");
        Names(reader, Child(root, "amount"), "amount", amounts, "金额（amount）字段", "an amount field");
        if (Child(root, "checks") is YamlMappingNode checks)
        {
            foreach (var (sum, i) in Items(Child(checks, "sums")))
            {
                Names(reader, Child(sum, "total"), $"checks.sums[{i}].total", amounts, "金额（amount）字段", "an amount field");
                foreach (var (part, j) in Nodes(Child(sum, "parts")))
                {
                    Names(reader, part, $"checks.sums[{i}].parts[{j}]", amounts, "金额（amount）字段", "an amount field");
                }
            }

            foreach (var (bound, i) in Items(Child(checks, "bounds")))
            {
                Names(reader, Child(bound, "part"), $"checks.bounds[{i}].part", amounts, "金额（amount）字段", "an amount field");
                Names(reader, Child(bound, "whole"), $"checks.bounds[{i}].whole", amounts, "金额（amount）字段", "an amount field");
            }
        }

        if (Child(root, "redaction") is YamlMappingNode redaction)
        {
            foreach (var (field, i) in Nodes(Child(redaction, "fields")))
            {
                Names(reader, field, $"redaction.fields[{i}]", [.. layout.Fields.Select(f => f.Key)], "顶层字段", "a top-level field");
            }

            foreach (var (column, i) in Nodes(Child(redaction, "columns")))
            {
                Names(reader, column, $"redaction.columns[{i}]", [.. LayoutFile.LevelColumns, .. layout.IndicatorColumns.Select(c => c.Key)], "指标列", "an indicator column");
            }
        }

        ExecutionRoles.Check(layout, root, reader);
        if (layout.Kind == FormKind.SelfEvaluation && layout.Scoring is null)
        {
            reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(Child(root, "kind")!), "自评表版式（kind: self-evaluation）须指定 scoring（评分规则）", "A self-evaluation layout (kind: self-evaluation) must name its scoring rules", new("加上 scoring: <id>，对应一个 templates/scoring/<id>.yaml", "add scoring: <id> of a templates/scoring/<id>.yaml"));
        }
    }

    /// <summary>Reports a path that is not one of <paramref name="allowed"/>, saying whether it is missing or of the wrong type.</summary>
    private static void Names(NodeReader reader, YamlNode? node, string what, IReadOnlyList<string> allowed, string expectedZh, string expectedEn)
    {
        if (node is not YamlScalarNode scalar || Yaml.ScalarText(scalar) is not { } path || allowed.Contains(path))
        {
            return;
        }

        var suggestion = Suggestions.Closest(path, allowed);
        var fix = Suggestions.DidYouMean(suggestion) ?? new($"指向{expectedZh}：{string.Join("、", allowed)}", $"name {expectedEn}: {string.Join(", ", allowed)}");
        reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(node), $"{what} 应指向{expectedZh}，版式中没有“{path}”这样的字段", $"'{what}' must name {expectedEn}; the layout has none at '{path}'", fix);
    }

    /// <summary>Keys of one list of fields (and of each group's fields) appear once, and not as a name forms use for something else.</summary>
    private static void UniqueKeys(NodeReader reader, YamlNode? fields, string what, IReadOnlyList<string> reserved)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (field, i) in Items(fields))
        {
            if (Child(field, "key") is not YamlScalarNode { Value: { } key } keyNode)
            {
                continue;
            }

            if (reserved.Contains(key))
            {
                reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(keyNode), $"{what}[{i}].key 不能用“{key}”：表单文件已用它表示别的内容", $"'{what}[{i}].key' cannot be '{key}': form files use it for something else", new($"这里保留的键：{string.Join("、", reserved)}", $"reserved here: {string.Join(", ", reserved)}"));
            }
            else if (!seen.Add(key))
            {
                reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(keyNode), $"{what}[{i}].key“{key}”重复", $"'{what}[{i}].key' repeats the key '{key}'", new("一组字段中每个键只能出现一次", "a key appears once in a list of fields"));
            }

            UniqueKeys(reader, Child(field, "fields"), $"{what}[{i}].fields", []);
        }
    }

    private static IEnumerable<(YamlNode Item, int Index)> Nodes(YamlNode? sequence) =>
        sequence is YamlSequenceNode list ? list.Children.Select((node, i) => (node, i)) : [];

    private static IEnumerable<(YamlMappingNode Item, int Index)> Items(YamlNode? sequence) =>
        Nodes(sequence).Where(n => n.Item is YamlMappingNode).Select(n => ((YamlMappingNode)n.Item, n.Index));

    private static YamlNode? Child(YamlMappingNode mapping, string key) => LayoutReader.Child(mapping, key);
}
