using AngleSharp.Html.Parser;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.EndToEnd;

/// <summary>docs/layouts.md's worked example: a form with other columns, published by declaring a layout in the site's templates.</summary>
public class OtherJurisdictionTests
{
    private static readonly string Example = Path.Combine(Repo.Root, "docs", "examples", "other-jurisdiction");

    [Fact]
    public void A_site_layout_publishes_a_form_with_its_own_columns()
    {
        var output = Path.Combine(Repo.TempDir("other-jurisdiction"), "site");
        var result = new SiteBuilder(new BuildOptions(Path.Combine(Example, "content"), Path.Combine(Example, "templates"), output)).Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "ep-health-bureau", "2025", "community-health-screening", "index.html")));
        var headers = page.QuerySelectorAll("tbody.indicator-header th[scope=col]").Select(th => th.TextContent).ToList();
        Assert.Equal(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "绩效标准"], headers);
        var firstRow = page.QuerySelectorAll("tbody.indicators tr")[0].QuerySelectorAll("td").Select(td => td.TextContent).ToList();
        Assert.Equal(["≥", "50000", "人", "计划标准"], firstRow);
        Assert.Contains("320.00", page.QuerySelector("table.official-form")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_layouts_enumerations_are_checked_like_the_built_in_ones()
    {
        var dir = Repo.TempDir("other-jurisdiction-bad");
        Repo.CopyTree(dir, Example);
        var form = Path.Combine(dir, "content", "forms", "ep-health-bureau", "2025", "community-health-screening.yaml");
        File.WriteAllText(form, File.ReadAllText(form).Replace("standard: 计划标准}", "standard: 计画标准}", StringComparison.Ordinal));

        var (_, diagnostics) = new SiteBuilder(new BuildOptions(Path.Combine(dir, "content"), Path.Combine(dir, "templates"), Path.Combine(dir, "site"))).Check();

        var errors = diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal(2, errors.Count); // the two rows that name 计划标准
        Assert.All(errors, e => Assert.Equal("PD0006", e.Code));
        Assert.All(errors, e => Assert.EndsWith("community-health-screening.yaml", e.Where.File, StringComparison.Ordinal));
        Assert.Contains("计划标准", errors[0].Fix?.Zh, StringComparison.Ordinal);
        Assert.Contains("计划标准", errors[0].Fix?.En, StringComparison.Ordinal);
    }

}
