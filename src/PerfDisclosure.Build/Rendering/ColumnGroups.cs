using PerfDisclosure.Core.Layouts;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// The indicator header of several rows: consecutive columns with the same <c>group:</c> (年度指标值 over
/// 指标性质 / 指标值 / 度量单位) share one first-row cell spanning them; the others span both rows.
/// </summary>
public static class ColumnGroups
{
    /// <summary>The id of the group cell over <paramref name="column"/> (<c>colgroup-2</c>: the second run of grouped columns), or null.</summary>
    public static string? IdOf(LayoutDefinition layout, FieldDefinition column)
    {
        if (column.Group is null)
        {
            return null;
        }

        var run = 0;
        for (var i = 0; i < layout.IndicatorColumns.Count; i++)
        {
            var c = layout.IndicatorColumns[i];
            if (c.Group is not null && (i == 0 || layout.IndicatorColumns[i - 1].Group != c.Group))
            {
                run++;
            }

            if (ReferenceEquals(c, column))
            {
                return $"colgroup-{run}";
            }
        }

        return null;
    }

    /// <summary>The first header row after 一级/二级/三级指标: a column of its own, or a group over its columns.</summary>
    public static List<ScriptObject> FirstRow(LayoutDefinition layout)
    {
        var cells = new List<ScriptObject>();
        foreach (var column in layout.IndicatorColumns)
        {
            if (column.Group is { } group && IdOf(layout, column) is { } id)
            {
                if (cells.Count > 0 && cells[^1]["id"] as string == id)
                {
                    cells[^1]["colspan"] = (int)cells[^1]["colspan"]! + 1;
                    continue;
                }

                cells.Add(new ScriptObject { ["key"] = string.Empty, ["label"] = Html.Escape(group), ["id"] = id, ["group"] = true, ["colspan"] = 1 });
            }
            else
            {
                cells.Add(new ScriptObject { ["key"] = column.Key, ["label"] = Html.Escape(column.Label), ["id"] = $"col-{column.Key}", ["group"] = false, ["colspan"] = 1 });
            }
        }

        return cells;
    }
}
