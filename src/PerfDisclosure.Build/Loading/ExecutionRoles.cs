using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// The roles of an execution block make one (<see cref="ExecutionBlock"/>; PD0010 at the role): the fields with roles
/// executed, execution-rate, execution-weight and execution-score lie in one group with the budget, the scored row;
/// that row is one of the <c>fund-rows</c> group's rows; and every row has the budget and spent columns as amounts and
/// the rate column as a number.
/// </summary>
internal static class ExecutionRoles
{
    private static readonly FieldRole[] OnScoredRow = [FieldRole.Executed, FieldRole.ExecutionRate, FieldRole.ExecutionWeight, FieldRole.ExecutionScore];

    public static void Check(LayoutDefinition layout, YamlMappingNode root, NodeReader reader)
    {
        var declared = OnScoredRow.Append(FieldRole.FundRows).Where(r => layout.PathOf(r) is not null).ToList();
        if (declared.Count == 0)
        {
            return;
        }

        if (layout.Execution is not { } block)
        {
            var names = string.Join(", ", OnScoredRow.Take(2).Select(LayoutRoles.Spelled).Prepend($"{LayoutRoles.Spelled(FieldRole.AdjustedBudget)} ({LayoutRoles.Spelled(FieldRole.Budget)})"));
            Report(layout, root, reader, declared[0], $"执行情况表须在同一分组（得分行）的字段上标出角色：{names}", $"An execution block needs the roles {names} on fields of one group (the scored row)");
            return;
        }

        foreach (var role in OnScoredRow.Where(r => layout.PathOf(r) is { } path && ExecutionBlock.Parent(path) != block.ScoredRow))
        {
            Report(layout, root, reader, role, $"角色 {LayoutRoles.Spelled(role)} 应在得分行 {block.ScoredRow} 的字段上", $"The role '{LayoutRoles.Spelled(role)}' belongs on a field of the scored row {block.ScoredRow}");
        }

        if (layout.PathOf(FieldRole.FundRows) is not { } rows)
        {
            return;
        }

        if (!block.Rows.Contains(block.ScoredRow))
        {
            Report(layout, root, reader, FieldRole.FundRows, $"得分行 {block.ScoredRow} 不是 {rows} 的资金行", $"The scored row {block.ScoredRow} is not one of the fund rows of {rows}", new($"把这些角色放在 {rows} 的一行上：{string.Join("、", block.Rows)}", $"put the roles on a row of {rows}: {string.Join(", ", block.Rows)}"));
            return;
        }

        foreach (var (key, type) in new[] { (block.Budget, FieldType.Amount), (block.Spent, FieldType.Amount), (block.Rate, FieldType.Number) })
        {
            // Rows that share their fields (a YAML alias) share the node the error points at: one error for them all.
            var wrong = block.Rows.Where(r => layout.FieldAt($"{r}.{key}")?.Type != type)
                .GroupBy(r => FieldNode(root, $"{r}.{key}") is { } field ? LayoutReader.Child(field, "type") ?? field : RowFields(root, r));
            foreach (var rowsThere in wrong)
            {
                var typeName = EnumNames.Name(type);
                var each = rowsThere.Select(r => layout.FieldAt($"{r}.{key}") is { } found
                    ? (Zh: $"{r} 中它是 {EnumNames.Name(found.Type)}", En: $"{r} has it as {EnumNames.Name(found.Type)}")
                    : (Zh: $"{r} 没有这个字段", En: $"{r} has no such field")).ToList();
                var lacking = string.Join(", ", each.Select(e => e.En));
                var lackingZh = string.Join("；", each.Select(e => e.Zh));
                reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(rowsThere.Key), $"{rows} 的每个资金行都应有 {typeName} 字段 {key}：{lackingZh}", $"Every fund row of {rows} must have the {typeName} field '{key}': {lacking}", new("执行情况的各资金行要与得分行有同样的列", "the rows of an execution block share the scored row's columns"));
            }
        }
    }

    private static void Report(LayoutDefinition layout, YamlMappingNode root, NodeReader reader, FieldRole role, string zh, string en, SuggestedFix? fix = null)
    {
        var field = FieldNode(root, layout.PathOf(role)!);
        reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At((field is null ? null : LayoutReader.Child(field, "role")) ?? root), zh, en, fix);
    }

    /// <summary>The list of a row's fields (shared by the rows that alias it), or the layout's root.</summary>
    private static YamlNode RowFields(YamlMappingNode root, string row) =>
        (FieldNode(root, row) is { } field ? LayoutReader.Child(field, "fields") : null) ?? root;

    /// <summary>The mapping that declares the field at a dotted path.</summary>
    private static YamlMappingNode? FieldNode(YamlMappingNode root, string path)
    {
        YamlMappingNode? field = null;
        var fields = LayoutReader.Child(root, "fields");
        foreach (var key in path.Split('.'))
        {
            field = (fields as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
                .FirstOrDefault(f => LayoutReader.Child(f, "key") is YamlScalarNode { Value: var k } && k == key);
            if (field is null)
            {
                return null;
            }

            fields = LayoutReader.Child(field, "fields");
        }

        return field;
    }
}
