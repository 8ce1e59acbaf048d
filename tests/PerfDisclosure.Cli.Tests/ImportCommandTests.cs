using PerfDisclosure.Testing;

namespace PerfDisclosure.Cli.Tests;

/// <summary>import's report: cells not placed fail the run; assumptions and left-out headings are told, and do not.</summary>
[Collection(nameof(ConsoleCollection))]
public class ImportCommandTests
{
    [Fact]
    public void Assumptions_are_warnings_at_their_cell_and_a_compilation_title_is_info_so_the_import_exits_0()
    {
        var seed = Path.Combine(Repo.TempDir("import-cli"), "compilation.txt");
        File.WriteAllText(seed, string.Join('\n',
            "某单位 2024 年度项目绩效目标汇总表",
            "二级项目支出绩效目标申报表",
            "项目编码:\t440304231151500205016\t\t项目名称:\t办公设备采购",
            "一级指标\t二级指标\t三级指标\t指标值\t指标解释",
            "产出指标\t质量指标\t验收合格率\t100%\t考察质量",
            "\t\t设备完好情况\t完好\t考察质量",
            "",
            "\t时效指标\t交付情况\t按期\t考察时效"));

        var (code, output, error) = InProcess.Run("import", "--year", "2024", "--content", Repo.Content, "--templates", Repo.Templates, "--dry-run", seed);

        Assert.Equal(Commands.Ok, code);
        Assert.Contains("compilation.txt:1:1: info: heading above the first form", error, StringComparison.Ordinal);
        Assert.Contains("compilation.txt:8:2: warning: assumed “质量指标” above also spans row 6 before the page break", error, StringComparison.Ordinal);
        Assert.Contains("1 form(s), 0 written, 0 cell(s) not placed, 1 assumption(s) to check", output, StringComparison.Ordinal);
    }
}
