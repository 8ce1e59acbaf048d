using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// <c>form.execution_block</c>: a self-evaluation's execution block (资金执行情况) as its layout's roles declare it
/// (<see cref="ExecutionBlock"/>), so a template lists the fund rows and their columns without naming a field key:
/// <c>label</c>, <c>columns</c> (<c>key</c>, <c>label</c>, <c>id</c>, <c>numeric</c>, <c>scored_only</c>) and
/// <c>rows</c> (<c>key</c>, <c>id</c>, <c>label</c>, <c>scored</c>, <c>cells</c> with <c>key</c>, <c>html</c>,
/// <c>numeric</c>, <c>scored_only</c>). Null when the layout has no execution block.
/// </summary>
public static class ExecutionView
{
    public static ScriptObject? Build(Form form, LayoutDefinition layout, Func<string, string> organisationName)
    {
        if (ExecutionBlock.Of(layout) is not { } block || layout.FieldAt(block.ScoredRow) is not { } scored)
        {
            return null;
        }

        // 分值 and 得分 are read on the scored row only; a template may print the official form's dash in the others.
        var scoredOnly = new[] { block.Weight, block.Score }.OfType<string>().Select(Key).ToHashSet(StringComparer.Ordinal);

        // A table's rows are named by its total_row column, which is not one of the figures.
        var naming = block.Table ? scored.TotalRow?.Column : null;
        var columns = scored.Children.Where(c => c.Type is not (FieldType.Group or FieldType.Table) && c.Key != naming).ToList();
        var label = layout.PathOf(FieldRole.FundRows) is { } rows ? layout.FieldAt(rows)?.Label : scored.Label;
        string RowLabel(string row) => naming is null ? layout.FieldAt(row)?.Label ?? Key(row) : form.Fields.TextAt($"{row}.{naming}") ?? string.Empty;
        return new ScriptObject
        {
            ["label"] = Html.Escape(label ?? string.Empty),
            ["columns"] = columns.Select(c => new ScriptObject
            {
                ["key"] = c.Key,
                ["label"] = Html.Escape(c.Label),
                ["id"] = $"fund-{c.Key}",
                ["numeric"] = Numeric(c),
                ["scored_only"] = scoredOnly.Contains(c.Key),
            }).ToList(),
            ["rows"] = block.RowsIn(form).Select(row => new ScriptObject
            {
                ["key"] = Key(row),
                ["id"] = $"fund-row-{Key(row)}",
                ["label"] = Html.Escape(RowLabel(row)),
                ["scored"] = block.IsScored(form, row),
                ["cells"] = columns.Select(c => new ScriptObject
                {
                    ["key"] = c.Key,
                    ["html"] = Html.Display(form.Fields.At($"{row}.{c.Key}"), block.Table ? c : layout.FieldAt($"{row}.{c.Key}") ?? c, organisationName),
                    ["numeric"] = Numeric(c),
                    ["scored_only"] = scoredOnly.Contains(c.Key),
                }).ToList(),
            }).ToList(),
        };
    }

    private static bool Numeric(FieldDefinition field) => field.Type is FieldType.Number or FieldType.Amount;

    private static string Key(string path) => path[(path.LastIndexOf('.') + 1)..];
}
