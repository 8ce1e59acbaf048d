using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Core.Validation.Rules.Tables;

/// <summary>The table fields of a form (<c>type: table</c>) with their rows, for the rules that check their arithmetic.</summary>
internal static class TableRows
{
    public static IEnumerable<(FieldDefinition Table, IReadOnlyList<GroupValue> Rows)> Of(FormContext form) =>
        form.Layout.Fields.Where(f => f.Type == FieldType.Table)
            .Select(f => (f, form.Form.Fields[f.Key] is TableValue t ? t.Rows : []))
            .Where(t => t.Item2.Count > 0);

    /// <summary>Whether <paramref name="row"/> is the table's total row (合计).</summary>
    public static bool IsTotal(FieldDefinition table, GroupValue row) =>
        table.TotalRow is { } total && row.Fields.TextAt(total.Column)?.Trim() == total.Label;

    /// <summary>A cell's number; null for a placeholder ("—") or an empty cell.</summary>
    public static decimal? Number(GroupValue row, string column) => row.Fields[column] is NumberValue n ? n.Number : null;
}
