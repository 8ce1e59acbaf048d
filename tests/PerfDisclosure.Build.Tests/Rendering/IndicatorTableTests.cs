using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Build.Tests.Rendering;

public class IndicatorTableTests
{
    private static readonly SourceSpan At = new("form.yaml", 1, 1);

    [Fact]
    public void Equal_neighbours_share_a_cell_and_level_two_never_crosses_level_one()
    {
        IndicatorRow[] rows =
        [
            Row(0, "产出指标", "数量指标"),
            Row(1, "产出指标", "数量指标"),
            Row(2, "产出指标", "质量指标"),
            Row(3, "效益指标", "质量指标"),
            Row(4, "效益指标", "社会效益指标"),
        ];

        Assert.Equal([3, 0, 0, 2, 0], IndicatorTable.Level1Spans(rows));
        Assert.Equal([2, 0, 1, 1, 1], IndicatorTable.Level2Spans(rows));
    }

    private static IndicatorRow Row(int index, string level1, string level2) =>
        new(index, new TextValue(level1, At), new TextValue(level2, At), new TextValue($"指标{index}", At), new FieldSet(), At);
}
