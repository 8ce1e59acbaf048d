using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation.Rules.Schema;

namespace PerfDisclosure.Build.Loading;

/// <summary>
/// Checks a <c>type: table</c> field of a layout: it has columns, each a plain cell (no group or table), its
/// <c>total_row</c> names a text column and each <c>product_of</c> names number or amount columns of the same table.
/// A column may have a field role (<c>executed</c>, <c>execution-rate</c> …), read on the total row, so a table with
/// one is a table with a <c>total_row</c>.
/// </summary>
public static class TableColumns
{
    public static List<FieldDefinition> Read(NodeReader reader, YamlMappingNode field, string key, List<FieldDefinition> columns)
    {
        if (columns.Count == 0)
        {
            reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(field), $"表格字段 {key} 没有 columns（列）", $"The table field '{key}' has no columns", new("加上 columns: [{key: …, label: …, type: …}]", "add columns: [{key: …, label: …, type: …}]"));
        }

        var cells = new List<FieldDefinition>();
        foreach (var column in columns)
        {
            if (column.Type is FieldType.Group or FieldType.Table)
            {
                reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(field), $"表格字段 {key} 的列 {column.Key} 不能是 {column.Type.ToString().ToLowerInvariant()}", $"A column of the table field '{key}' cannot be a {column.Type.ToString().ToLowerInvariant()}: '{column.Key}'");
                continue;
            }

            cells.Add(column);
        }

        var nodes = (LayoutReader.Child(field, "columns") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        if (LayoutReader.Child(field, "total_row") is null)
        {
            // A role on a column is read on the total row (合计): the row a form's figure is.
            foreach (var column in cells.Where(c => c.Role != FieldRole.None))
            {
                var roleNode = nodes.Select(n => LayoutReader.Child(n, "key") is YamlScalarNode { Value: var v } && v == column.Key ? LayoutReader.Child(n, "role") : null).OfType<YamlNode>().FirstOrDefault();
                reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(roleNode ?? field), $"表格字段 {key} 的列 {column.Key} 有角色，但表格没有 total_row（合计行）：角色读的是合计行", $"The column '{column.Key}' of the table field '{key}' has a role, but the table has no total_row: a column's role is read on the total row", new("加上 total_row: {column: …, label: 合计}", "add total_row: {column: …, label: 合计}"));
            }
        }

        for (var i = 0; i < cells.Count; i++)
        {
            var node = nodes.FirstOrDefault(n => LayoutReader.Child(n, "key") is YamlScalarNode { Value: var v } && v == cells[i].Key);
            if (node is not null && reader.Sequence(LayoutReader.Child(node, "product_of"), "product_of") is { } factors)
            {
                cells[i] = cells[i] with { ProductOf = Factors(reader, factors, key, cells) };
            }
        }

        return cells;
    }

    private static List<string> Factors(NodeReader reader, YamlSequenceNode factors, string table, List<FieldDefinition> cells)
    {
        var keys = new List<string>();
        foreach (var node in factors.Children)
        {
            var factor = reader.Text(node, "product_of");
            if (factor is null)
            {
                continue;
            }

            if (cells.FirstOrDefault(c => c.Key == factor) is not { Type: FieldType.Number or FieldType.Amount })
            {
                var closest = Suggestions.Closest(factor, cells.Where(c => c.Type is FieldType.Number or FieldType.Amount).Select(c => c.Key));
                reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(node), $"product_of 中的“{factor}”不是表格 {table} 的数字或金额列", $"'{factor}' in product_of is not a number or amount column of the table '{table}'", Suggestions.DidYouMean(closest));
                continue;
            }

            keys.Add(factor);
        }

        return keys;
    }

    /// <summary>A table's <c>total_row:</c>, when it names one of its text columns.</summary>
    public static TotalRow? TotalRow(NodeReader reader, YamlMappingNode field, IReadOnlyList<FieldDefinition> cells)
    {
        if (reader.Mapping(LayoutReader.Child(field, "total_row"), "total_row") is not { } total)
        {
            return null;
        }

        var columnNode = LayoutReader.Child(total, "column");
        var column = reader.Text(columnNode, "column");
        var label = reader.Text(LayoutReader.Child(total, "label"), "label");
        if (column is null || label is null)
        {
            return null;
        }

        if (cells.FirstOrDefault(c => c.Key == column) is not { Type: FieldType.Text })
        {
            var closest = Suggestions.Closest(column, cells.Where(c => c.Type == FieldType.Text).Select(c => c.Key));
            reader.Diagnostics.Report(SchemaRules.BadLayoutDefinition, reader.At(columnNode!), $"total_row.column“{column}”不是本表格的文本列", $"total_row.column '{column}' is not a text column of this table", Suggestions.DidYouMean(closest));
            return null;
        }

        return new TotalRow(column, label);
    }
}
