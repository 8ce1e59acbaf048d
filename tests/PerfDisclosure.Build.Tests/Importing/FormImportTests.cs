using PerfDisclosure.Build.Importing;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Importing;

public class FormImportTests
{
    /// <summary>The layouts, frameworks and organisations of this repository, with 2024 for forms that print no year.</summary>
    internal static readonly ImportSettings Settings = ImportSettings.Load(Repo.Content, Repo.Templates, 2024);

    [Fact]
    public void A_workbook_with_merged_cells_and_two_sheets_imports_like_the_text_it_was_made_from()
    {
        var seeds = Repo.Seeds;
        var selfEvaluation = Directory.EnumerateFiles(seeds, "001_*.txt").Single();
        var shenzhen = Directory.EnumerateFiles(seeds, "004_*.txt").Single();
        var workbook = Path.Combine(Repo.TempDir("xlsx"), "forms.xlsx");
        XlsxFixture.Write(workbook, [("自评表", Rows(selfEvaluation)), ("深圳", Rows(shenzhen))]);

        var fromXlsx = FormImport.Read(workbook, Settings);
        var fromText = new[] { selfEvaluation, shenzhen }.Select(f => FormImport.Read(f, Settings)).ToList();
        var expected = fromText.SelectMany(r => r.Forms).ToList();
        Assert.Equal(17, fromXlsx.Forms.Count);
        Assert.Equal(expected.Count, fromXlsx.Forms.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(ImportedFormWriter.Text(expected[i], "x"), ImportedFormWriter.Text(fromXlsx.Forms[i], "x"));
        }

        Assert.Equal(fromText.SelectMany(r => r.Unplaced).Select(u => (u.Row, u.Column, u.Text)), fromXlsx.Unplaced.Select(u => (u.Row, u.Column, u.Text)));
        Assert.All(fromXlsx.Unplaced, u => Assert.Contains("forms.xlsx#", u.File));
    }

    [Fact]
    public void Every_cell_that_cannot_be_placed_is_reported_with_its_row_and_column()
    {
        var table = SourceTable.FromTsv("sheet.txt", string.Join('\n',
            "二级项目支出绩效目标申报表",
            "项目编码:\t440304231151500205016\t\t项目名称:\t办公设备采购",
            "申请单位:\t不存在的单位\t\t一级预算单位:\t深圳市福田区投资推广和企业服务中心(本级)",
            "本年度项目金额(万元):\t十二万\t\t备注\t多余的格子",
            "一级指标\t二级指标\t三级指标\t指标值\t指标解释",
            "产出指标\t数量指标\t国产台式电脑\t12台\t该指标考察政府采购设备数量\t多出一列"));
        var result = TableImporter.Import(table, Settings with { CreateOrganisations = false });

        var form = Assert.Single(result.Forms);
        Assert.Equal("办公设备采购", form.ProjectName);
        Assert.Equal("12台", form.Indicators.Single()["target"]);
        Assert.Equal([(3, 2), (4, 2), (4, 4), (4, 5), (6, 6)], result.Unplaced.Select(u => (u.Row, u.Column)));
        Assert.StartsWith("no organisation", result.Unplaced[0].Reason);
        Assert.StartsWith("not a number", result.Unplaced[1].Reason);
        Assert.All(result.Unplaced.Skip(2).Take(2), u => Assert.Contains("not placed", u.Reason));
        Assert.Contains("more cells than the layout has columns", result.Unplaced[4].Reason);
        Assert.All(result.Unplaced, u => Assert.Equal("sheet.txt", u.File));
    }

    [Fact]
    public void Text_in_a_table_without_a_form_title_is_reported_not_dropped()
    {
        var result = TableImporter.Import(SourceTable.FromTsv("t.txt", "某单位 2026 年度项目绩效目标汇总表\n"), Settings);
        Assert.Empty(result.Forms);
        var cell = Assert.Single(result.Unplaced);
        Assert.Equal((1, 1), (cell.Row, cell.Column));
    }

    [Fact]
    public void A_heading_above_the_first_form_is_told_as_info_and_a_table_row_there_is_not_placed()
    {
        var result = TableImporter.Import(SourceTable.FromTsv("t.txt", string.Join('\n',
            "某单位 2026 年度项目绩效目标汇总表",
            "项目名称\t没有表头的表单",
            "二级项目支出绩效目标申报表",
            "项目编码:\t440304231151500205016\t\t项目名称:\t办公设备采购")), Settings);

        Assert.Equal("办公设备采购", Assert.Single(result.Forms).ProjectName);
        var heading = Assert.Single(result.Notes);
        Assert.Equal((1, 1, Core.Diagnostics.Severity.Info), (heading.Row, heading.Column, heading.Severity));
        Assert.Contains("heading above the first form", heading.Message);
        Assert.Equal([(2, 1), (2, 2)], result.Unplaced.Where(u => u.Rule.Code != "PD1014").Select(u => (u.Row, u.Column)));
        Assert.All(result.Unplaced.Where(u => u.Rule.Code != "PD1014"), u => Assert.Contains("outside any form", u.Reason));

        // The form prints no 申请单位: told at its title (PD1014), never dropped silently.
        Assert.Equal((3, 1), Assert.Single(result.Unplaced, u => u.Rule.Code == "PD1014") is var owner ? (owner.Row, owner.Column) : default);
    }

    internal static List<string[]> Rows(string tsv) => [.. File.ReadAllText(tsv).ReplaceLineEndings("\n").Split('\n').Select(l => l.Split('\t').Select(c => c.Trim()).ToArray())];
}
