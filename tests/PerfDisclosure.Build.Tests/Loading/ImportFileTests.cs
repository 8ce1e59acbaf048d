using PerfDisclosure.Build.Tests.Validation;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// A layout's import patterns file (<c>templates/import/&lt;layout&gt;.yaml</c>) is checked like the other theme files
/// (issue 15): a typo in a key is an error at its line with the closest key (PD0012), in <c>check</c> and <c>build</c>.
/// </summary>
public class ImportFileTests
{
    [Theory]
    [InlineData("printed_lables: [绩效指标]\n", 2, "printed_labels")] // a typo in a key, with the closest one
    [InlineData("printed_labels: [绩效指标]\ntitle: [\"{year}年项目支出绩效目标申报表\"]\n", 3, "titles")]
    [InlineData("printed_labels: 绩效指标\n", 2, null)] // a list, not a text
    public void A_bad_key_of_an_import_file_is_an_error_at_its_line(string body, int line, string? closest)
    {
        var site = new TestSite($"import-file-{line}-{closest}");
        site.Write("templates/import/shenzhen-target.yaml", "# 导入模式\n" + body);

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.Code == "PD0012");
        BothLanguages.Said(error);
        Assert.True(error.IsError);
        Assert.EndsWith("import/shenzhen-target.yaml", error.Where.File.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Equal(line, error.Where.Line);
        if (closest is not null)
        {
            Assert.Contains(closest, error.Fix?.En ?? error.MessageEn, StringComparison.Ordinal);
        }

        Assert.False(new SiteBuilder(site.Options() with { NoPdf = true }).Build().Succeeded);
    }

    [Fact]
    public void An_import_file_named_after_no_layout_is_an_error_with_the_closest_layout()
    {
        var site = new TestSite("import-file-unknown-layout");
        site.Write("templates/import/shenzhen-targt.yaml", "printed_labels: []\n");

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.Code == "PD0012");
        Assert.Contains("shenzhen-target.yaml", error.Fix?.En, StringComparison.Ordinal);
    }

    [Fact]
    public void The_theme_s_own_import_files_are_clean()
    {
        var (_, diagnostics) = new SiteBuilder(new TestSite("import-file-clean").Options()).Check();

        Assert.DoesNotContain(diagnostics, d => d.Code == "PD0012");
    }
}
