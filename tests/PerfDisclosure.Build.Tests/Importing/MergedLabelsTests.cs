using PerfDisclosure.Build.Importing;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>Which rows a merged 一级/二级 cell spans, in Shenzhen forms whose framework has wording hints (及时率 → 时效指标 …).</summary>
public class MergedLabelsTests
{
    [Fact]
    public void Rows_as_printed_that_agree_with_the_hints_continue_the_cell_above_without_a_note()
    {
        var result = Import(
            "产出指标\t数量指标\t采购台数\t12台\t考察数量",
            "\t\t采购场次\t2场\t考察数量",
            "\t质量指标\t验收合格率\t100%\t考察质量",
            "效益指标\t社会效益指标\t保障设备运行\t有效\t考察效益");

        Assert.Equal(["数量指标", "数量指标", "质量指标", "社会效益指标"], Level2(result));
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void Blank_rows_ending_a_page_take_the_merged_cell_printed_on_the_next_page_when_the_hints_say_so()
    {
        var result = Import(
            "产出指标\t数量指标\t采购台数\t12台\t考察数量",
            "\t质量指标\t验收合格率\t100%\t考察质量",
            "\t\t设备完好情况\t完好\t考察质量",
            "\t\t法律问题解决及时率\t100%\t考察时效",
            "",
            "\t时效指标\t款项支付及时率\t100%\t考察时效");

        Assert.Equal(["数量指标", "质量指标", "质量指标", "时效指标", "时效指标"], Level2(result));
        var note = Assert.Single(result.Notes);
        Assert.Equal((Row: 10, Column: 2, Severity.Warning), (note.Row, note.Column, note.Severity));
        Assert.Contains("“时效指标” also spans the blank rows above its text, from row 8", note.Message);
        Assert.Empty(result.Unplaced);
    }

    [Fact]
    public void Labels_printed_one_row_early_move_down_to_the_row_that_prints_the_last_one_again()
    {
        var result = Import(
            "产出指标\t数量指标\t培训人员数\t1000人\t考察数量",
            "\t质量指标\t培训场次\t8场\t考察数量",
            "\t时效指标\t培训考核通过率\t90%\t考察质量",
            "效益指标\t社会效益指标\t培训开展及时性\t及时\t考察时效",
            "\t社会效益指标\t宣传覆盖数\t21个\t考察效益");

        Assert.Equal(["产出指标", "产出指标", "产出指标", "产出指标", "效益指标"], result.Forms[0].Indicators.Select(i => i["level1"]));
        Assert.Equal(["数量指标", "数量指标", "质量指标", "时效指标", "社会效益指标"], Level2(result));
        var note = Assert.Single(result.Notes);
        Assert.Equal((Row: 6, Column: 2, Severity.Warning), (note.Row, note.Column, note.Severity));
        Assert.Contains("labels of rows 6–8 are printed one row early", note.Message);
        Assert.Contains("“培训场次” (row 6) would be filed under “质量指标”", note.Message);
    }

    [Fact]
    public void Blank_rows_ending_a_page_continue_the_cell_above_and_say_so_when_no_hint_tells()
    {
        var result = Import(
            "产出指标\t数量指标\t采购台数\t12台\t考察数量",
            "\t质量指标\t验收情况\t合格\t考察质量",
            "\t\t设备完好情况\t完好\t考察质量",
            "--\t--\t--\t--\t--",
            "\t时效指标\t交付情况\t按期\t考察时效");

        Assert.Equal(["数量指标", "质量指标", "质量指标", "时效指标"], Level2(result));
        var note = Assert.Single(result.Notes);
        Assert.Equal((Row: 9, Column: 2, Severity.Warning), (note.Row, note.Column, note.Severity));
        Assert.Contains("assumed “质量指标” above also spans row 7 before the page break", note.Message);
    }

    [Fact]
    public void Blank_rows_ending_a_page_that_the_hints_keep_with_the_cell_above_are_not_told()
    {
        var result = Import(
            "产出指标\t质量指标\t验收情况\t合格\t考察质量",
            "\t\t设备验收合格率\t100%\t考察质量",
            "",
            "\t时效指标\t交付情况\t按期\t考察时效");

        Assert.Equal(["质量指标", "质量指标", "时效指标"], Level2(result));
        Assert.Empty(result.Notes);
    }

    private static ImportResult Import(params string[] indicatorRows) =>
        TableImporter.Import(SourceTable.FromTsv("form.txt", string.Join('\n', [
            "二级项目支出绩效目标申报表",
            "项目编码:\t440304231151500205016\t\t项目名称:\t办公设备采购",
            "申请单位:\t深圳市福田区投资推广和企业服务中心(本级)\t\t一级预算单位:\t深圳市福田区投资推广和企业服务中心(本级)",
            "一级指标\t二级指标\t三级指标\t指标值\t指标解释",
            .. indicatorRows])), FormImportTests.Settings);

    private static List<string> Level2(ImportResult result) => [.. Assert.Single(result.Forms).Indicators.Select(i => i["level2"])];
}
