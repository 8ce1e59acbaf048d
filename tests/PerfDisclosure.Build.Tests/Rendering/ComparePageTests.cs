using AngleSharp.Html.Parser;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>
/// A journalist compares every unit and year on one page, finds a project's target next to its self-evaluation,
/// and reads what 得分, 执行率 and the 评分等级 bands mean.
/// </summary>
public class ComparePageTests
{
    private static BuiltSite Site => BuiltSite.Content;

    [Fact]
    public void The_comparison_page_lists_every_self_evaluation_newest_year_first_lowest_score_first()
    {
        var page = Site.Page(SitePaths.Compare);
        var rows = page.QuerySelectorAll("#compare-table tbody tr");
        var selfEvaluations = Site.Model.Forms.Where(f => f.IsSelfEvaluation).ToList();

        Assert.Equal(selfEvaluations.Count, rows.Length);
        var links = rows.Select(r => r.QuerySelector("th a")!.GetAttribute("href")!).ToList();
        Assert.Equal(selfEvaluations.Select(f => SitePaths.Link(SitePaths.Compare, f.Path)).Order(StringComparer.Ordinal), links.Order(StringComparer.Ordinal));

        var years = rows.Select(r => int.Parse(r.Children[3].TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(years.OrderDescending(), years);
        foreach (var year in years.Distinct())
        {
            var scores = rows.Where(r => r.Children[3].TextContent == year.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(r => decimal.Parse(r.Children[4].GetAttribute("data-sort")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(scores.Order(), scores);
        }

        // 执行率 as the form prints it in its scored fund row, and the amount, for every row.
        var first = selfEvaluations.Single(f => SitePaths.Link(SitePaths.Compare, f.Path) == links[0]);
        Assert.Equal(first.ExecutionRate!.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), rows[0].Children[6].TextContent);
        Assert.All(rows, r => Assert.NotEqual(string.Empty, r.Children[7].TextContent));
        Assert.Contains(Site.Model.Strings["citizens.no_target"], rows[0].Children[8].TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[data-filter-table=compare-table]"));
    }

    [Fact]
    public void The_comparison_page_and_self_evaluations_explain_scores_and_the_grade_bands_of_the_scoring_file()
    {
        foreach (var path in new[] { SitePaths.Compare, Site.Model.Forms.First(f => f.IsSelfEvaluation).Path })
        {
            var section = Site.Page(path).QuerySelector(".score-explained");
            Assert.NotNull(section);
            Assert.Equal(["优：90 分及以上", "良：80 分及以上、不足 90 分", "中：60 分及以上、不足 80 分", "差：不足 60 分"], section.QuerySelectorAll(".grade-bands li").Select(li => li.TextContent));
            Assert.Contains("执行率", section.TextContent, StringComparison.Ordinal);
            Assert.Contains("得分", section.TextContent, StringComparison.Ordinal);
        }

        Assert.Null(Site.Page(Site.Model.Forms.First(f => !f.IsSelfEvaluation).Path).QuerySelector(".score-explained"));
    }

    [Fact]
    public void A_target_form_and_the_self_evaluation_of_the_same_project_and_year_link_each_other()
    {
        var dir = Repo.TempDir("companions");
        var content = Repo.CopyTree(Path.Combine(dir, "content"));
        var target = File.ReadAllText(Path.Combine(content, "forms", "sh-minhang-government-office", "2022", "party-building.yaml"))
            .Replace("year: 2022", "year: 2023", StringComparison.Ordinal)
            .Replace("project_name: 党建经费", "project_name: 商务 外事", StringComparison.Ordinal)
            .Replace("sh-minhang-government-office", "sh-foreign-investment-promotion", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(content, "forms", "sh-foreign-investment-promotion", "2023", "commerce-foreign-affairs-target.yaml"), target);
        var output = Path.Combine(dir, "site");

        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output) { NoPdf = true }).Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        var parser = new HtmlParser();
        AngleSharp.Dom.IDocument Page(string path) => parser.ParseDocument(File.ReadAllText(Path.Combine(output, path, "index.html")));
        string[] Companions(string path) => [.. Page(path).QuerySelectorAll(".form-companions a").Select(a => a.GetAttribute("href")!)];

        Assert.Equal(["../../../sh-foreign-investment-promotion/2023/commerce-foreign-affairs-target/index.html"], Companions("sh-foreign-investment-promotion/2023/commerce-foreign-affairs"));
        Assert.Equal(["../../../sh-foreign-investment-promotion/2023/commerce-foreign-affairs/index.html"], Companions("sh-foreign-investment-promotion/2023/commerce-foreign-affairs-target"));
        Assert.Empty(Companions("sh-foreign-investment-promotion/2023/overseas-offices"));
        Assert.Contains("未找到", Page("sh-foreign-investment-promotion/2023/overseas-offices").QuerySelector(".form-companions")!.TextContent, StringComparison.Ordinal);
        var row = Page(SitePaths.Compare).QuerySelectorAll("#compare-table tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "商务外事");
        Assert.Equal("../sh-foreign-investment-promotion/2023/commerce-foreign-affairs-target/index.html", row.Children[8].QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("province-a-target", 0)]
    [InlineData("province-b-self-evaluation", 4)]
    [InlineData("province-c-department-self-evaluation", 4)]
    public void An_example_sites_comparison_page_lists_its_self_evaluations_with_the_bands_of_its_own_scoring_file(string example, int bands)
    {
        var root = Path.Combine(Repo.Root, "docs", "examples", example);
        var output = Path.Combine(Repo.TempDir(example + "-compare"), "site");
        var builder = new SiteBuilder(new BuildOptions(Path.Combine(root, "content"), Path.Combine(root, "templates"), output) { NoPdf = true });
        var result = builder.Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        var (loaded, diagnostics) = builder.Check();
        var model = SiteModel.Build(loaded, diagnostics);

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, SitePaths.Compare, "index.html")));
        var rows = page.QuerySelectorAll("#compare-table tbody tr");
        var selfEvaluations = model.Forms.Where(f => f.IsSelfEvaluation).ToList();
        Assert.Equal(selfEvaluations.Count, rows.Length);
        Assert.All(rows, r => Assert.NotEqual(string.Empty, r.Children[4].TextContent));
        Assert.Equal(bands, page.QuerySelectorAll(".score-explained .grade-bands li").Length);
        Assert.Equal(selfEvaluations.Count == 0, page.QuerySelector("main")!.TextContent.Contains(model.Strings["citizens.compare_none"], StringComparison.Ordinal));
        var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Contains(home.QuerySelectorAll("main a"), a => a.GetAttribute("href") == SitePaths.Compare + "index.html");
    }

    [Fact]
    public void A_form_page_shows_the_same_projects_other_years_side_by_side()
    {
        var dir = Repo.TempDir("other-years");
        var content = Repo.CopyTree(Path.Combine(dir, "content"));
        var forms = Path.Combine(content, "forms", "sh-foreign-investment-promotion");
        Directory.CreateDirectory(Path.Combine(forms, "2024"));
        File.WriteAllText(Path.Combine(forms, "2024", "commerce-foreign-affairs.yaml"), File.ReadAllText(Path.Combine(forms, "2023", "commerce-foreign-affairs.yaml")).Replace("year: 2023", "year: 2024", StringComparison.Ordinal));
        var output = Path.Combine(dir, "site");

        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output) { NoPdf = true }).Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics.Where(d => d.IsError)));
        var parser = new HtmlParser();
        AngleSharp.Dom.IDocument Page(string path) => parser.ParseDocument(File.ReadAllText(Path.Combine(output, path, "index.html")));
        var rows = Page("sh-foreign-investment-promotion/2023/commerce-foreign-affairs").QuerySelectorAll("#other-years-heading + .table-scroll tbody tr");
        Assert.Equal(["2024", "2023"], rows.Select(r => r.Children[0].TextContent[..4]));
        Assert.Equal("../../../sh-foreign-investment-promotion/2024/commerce-foreign-affairs/index.html", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(rows[1].QuerySelector("a"));
        Assert.Equal(rows[0].Children[2].TextContent, rows[1].Children[2].TextContent);
        Assert.NotEqual(string.Empty, rows[1].Children[2].TextContent);
        Assert.Null(Page("sh-foreign-investment-promotion/2023/overseas-offices").QuerySelector("#other-years-heading"));
    }
}
