using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Forms;

/// <summary>
/// One row of 绩效指标: its 一级/二级/三级指标 names and the layout's other columns
/// (指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施, 指标解释 …).
/// </summary>
/// <param name="Level1">一级指标.</param>
/// <param name="Level2">二级指标.</param>
/// <param name="Level3">三级指标; null on a row the form prints empty.</param>
public sealed record IndicatorRow(
    int Index,
    TextValue? Level1,
    TextValue? Level2,
    TextValue? Level3,
    FieldSet Cells,
    SourceSpan Where)
{
    public FieldValue? this[string column] => Cells[column];
}
