using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// A form read top to bottom (<c>form.reading</c>, templates/partials/form-reading.sbn-html), made from its layout
/// alone, so every layout has it without a second template: the header fields as label–value pairs in layout order,
/// a group's fields under the group's label (a group of groups, such as fund rows, one block per row), each indicator a
/// block headed by its levels with every value labelled by its column, then the summary fields (总分, 评分等级).
/// Narrow screens show it instead of the official table; wide screens and print show the table only.
/// </summary>
public static class FormReading
{
    /// <summary>Fields that sum up the indicators, so they are read after them.</summary>
    private static readonly HashSet<FieldRole> Summary = [FieldRole.TotalWeight, FieldRole.TotalScore, FieldRole.Grade];

    /// <summary>Column roles an execution table prints on its total row only.</summary>
    private static readonly HashSet<FieldRole> TotalOnly = [FieldRole.ExecutionWeight, FieldRole.ExecutionScore];

    /// <summary>Headings below the section's own (h2): a top-level group is h3, its groups h4 … never past h6.</summary>
    private const int FirstHeading = 3;

    public static ScriptObject Build(Form form, LayoutDefinition layout, Func<string, string> organisationName)
    {
        var blocks = new List<Block>();
        Walk(layout.Fields.Where(f => !Summary.Contains(f.Role)).ToList(), form.Fields, FirstHeading - 1, null, blocks, organisationName);
        blocks.RemoveAll(b => b.Heading is null && b.Pairs.Count == 0);
        var summary = layout.Fields.Where(f => Summary.Contains(f.Role)).Select(f => Pair(f, form.Fields[f.Key], organisationName)).ToList();
        return new ScriptObject
        {
            ["blocks"] = blocks.Select(b => new ScriptObject { ["heading"] = b.Heading, ["level"] = Math.Min(b.Level, 6), ["pairs"] = b.Pairs }).ToList(),
            ["indicators"] = form.Indicators.Select(row => Indicator(row, layout, organisationName)).ToList(),
            ["summary"] = summary,
        };
    }

    private static void Walk(IReadOnlyList<FieldDefinition> fields, FieldSet values, int level, string? heading, List<Block> blocks, Func<string, string> organisationName)
    {
        var pairs = new List<ScriptObject>();
        blocks.Add(new Block(heading, level, pairs));
        foreach (var field in fields)
        {
            if (field.Type == FieldType.Group)
            {
                Walk(field.Children, values[field.Key] is GroupValue g ? g.Fields : FieldSet.Empty, level + 1, Html.Escape(field.Label), blocks, organisationName);

                // Fields after a group read after it, as a block of their own at this level.
                pairs = [];
                blocks.Add(new Block(null, level, pairs));
            }
            else if (field.Type == FieldType.Table)
            {
                Table(field, values[field.Key] as TableValue, level + 1, blocks, organisationName);
                pairs = [];
                blocks.Add(new Block(null, level, pairs));
            }
            else
            {
                pairs.Add(Pair(field, values[field.Key], organisationName));
            }
        }
    }

    /// <summary>
    /// A table field: its label, then one block per row headed by the row's name (its <c>total_row</c> column). A row
    /// other than the total leaves out the cells of columns read on the total row only (分值, 得分 of an execution
    /// table) when they hold no number.
    /// </summary>
    private static void Table(FieldDefinition table, TableValue? value, int level, List<Block> blocks, Func<string, string> organisationName)
    {
        blocks.Add(new Block(Html.Escape(table.Label), level, []));
        var naming = table.TotalRow?.Column;
        foreach (var (row, index) in (value?.Rows ?? []).Select((r, i) => (r, i)))
        {
            var total = index == value!.Total;
            var cells = table.Children.Where(c => c.Key != naming
                && (total || !TotalOnly.Contains(c.Role) || row.Fields[c.Key] is NumberValue));
            var heading = naming is null ? null : Html.Escape(row.Fields.TextAt(naming) ?? string.Empty);
            blocks.Add(new Block(heading, level + 1, [.. cells.Select(c => Pair(c, row.Fields[c.Key], organisationName))]));
        }
    }

    private static ScriptObject Indicator(IndicatorRow row, LayoutDefinition layout, Func<string, string> organisationName) => new()
    {
        ["levels"] = new[] { row.Level1?.Value, row.Level2?.Value, row.Level3?.Value }.Where(l => !string.IsNullOrWhiteSpace(l)).Select(Html.Escape).ToList(),
        ["pairs"] = layout.IndicatorColumns.Select(c => Pair(c, row[c.Key], organisationName)).ToList(),
    };

    private static ScriptObject Pair(FieldDefinition field, FieldValue? value, Func<string, string> organisationName) => new()
    {
        ["key"] = field.Key,
        ["label"] = Html.Escape(field.Label),
        ["html"] = Html.Display(value, field, organisationName),
        ["numeric"] = field.Type is FieldType.Number or FieldType.Amount,
        ["block"] = field.Type == FieldType.Markdown,
    };

    /// <summary>A heading (a group's label) or none, and the label–value pairs under it.</summary>
    private sealed record Block(string? Heading, int Level, List<ScriptObject> Pairs);
}
