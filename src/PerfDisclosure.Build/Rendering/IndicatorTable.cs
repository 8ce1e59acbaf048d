using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Build.Rendering;

/// <summary>
/// The merged cells of the 绩效指标 table: equal 一级指标 names on consecutive rows share one cell, and so do equal
/// 二级指标 names within one 一级指标 cell, as the official forms print them.
/// </summary>
public static class IndicatorTable
{
    /// <summary>Row span of each row's level-1 cell (0 where the cell above spans it).</summary>
    public static int[] Level1Spans(IReadOnlyList<IndicatorRow> rows) =>
        Spans(rows, (a, b) => a.Level1?.Value == b.Level1?.Value);

    /// <summary>Row span of each row's level-2 cell (0 where the cell above spans it); never crosses a level-1 cell.</summary>
    public static int[] Level2Spans(IReadOnlyList<IndicatorRow> rows)
    {
        var level1 = Level1Spans(rows);
        return Spans(rows, (a, b) => a.Level2?.Value == b.Level2?.Value, startsGroup: i => level1[i] > 0);
    }

    private static int[] Spans(IReadOnlyList<IndicatorRow> rows, Func<IndicatorRow, IndicatorRow, bool> same, Func<int, bool>? startsGroup = null)
    {
        var spans = new int[rows.Count];
        var owner = -1;
        for (var i = 0; i < rows.Count; i++)
        {
            var continues = owner >= 0 && same(rows[owner], rows[i]) && !(startsGroup?.Invoke(i) ?? false);
            if (continues)
            {
                spans[owner]++;
            }
            else
            {
                owner = i;
                spans[i] = 1;
            }
        }

        return spans;
    }
}
