using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>A citizen browses: home, a year, an organisation, its forms of one year, summaries with charts, a 404.</summary>
public class BrowsePagesTests
{
    private const string Hongqiao = "sh-hongqiao-investment-service";
    private static readonly BuiltSite Site = BuiltSite.Content;
    private static readonly HtmlParser Parser = new();
    private static readonly Lazy<string> WithRecurringProject = new(BuildWithRecurringProject);

    [Fact]
    public void Home_shows_years_jurisdictions_totals_and_recently_changed_forms()
    {
        var home = Page(Site.Root, "index.html");
        Assert.Contains("共公开 47 张表", home.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(home.QuerySelectorAll("#jurisdictions-heading ~ div th[scope=row]"), th => th.TextContent == "上海市闵行区");
        var recent = home.QuerySelectorAll(".recent-list li").ToList();
        Assert.Equal(10, recent.Count);
        var dates = recent.Select(li => li.QuerySelector("time")!.GetAttribute("datetime")!).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public void A_form_changed_later_comes_first_on_home_and_in_the_feed()
    {
        var root = WithRecurringProject.Value;
        var first = Page(root, "index.html").QuerySelector(".recent-list li")!;
        Assert.Equal("2026-11-02", first.QuerySelector("time")!.GetAttribute("datetime"));
        Assert.Contains($"{Hongqiao}/2025/talent-services/", first.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains($"{Hongqiao}/2025/talent-services/</id>", File.ReadAllText(Path.Combine(root, "feed.xml")).Split("<entry>")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Organisation_year_lists_forms_by_amount_with_sort_keys_and_a_total()
    {
        var page = Page(Site.Root, $"{Hongqiao}/2024/index.html");
        var table = page.QuerySelector("table.sortable")!;
        var amounts = table.QuerySelectorAll("tbody tr").Select(r => decimal.Parse(r.Children[2].GetAttribute("data-sort")!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(3, amounts.Count);
        Assert.Equal(amounts.OrderDescending(), amounts);
        Assert.Equal("descending", table.QuerySelectorAll("thead th")[2].GetAttribute("aria-sort"));
        Assert.Equal(["项目名称", "类型", "金额（万元）", "总分", "评分等级"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.All(table.QuerySelectorAll("tbody tr"), r => Assert.Equal("优", r.Children[4].TextContent));
    }

    [Fact]
    public void Organisation_year_summarises_spending_scores_and_grades_as_svg_with_text_and_table()
    {
        var page = Page(Site.Root, $"{Hongqiao}/2024/index.html");
        var figures = page.QuerySelectorAll("figure.chart-figure").ToList();
        Assert.Equal(["spending-self-evaluation-caption", "score-bands-caption", "grade-counts-caption"], figures.Select(f => f.GetAttribute("aria-labelledby")));
        foreach (var figure in figures)
        {
            var svg = figure.QuerySelector("svg")!;
            Assert.Equal("img", svg.GetAttribute("role"));
            var (title, desc) = (svg.QuerySelector("title")!.TextContent, svg.QuerySelector("desc")!.TextContent);
            Assert.False(string.IsNullOrWhiteSpace(title));
            var rows = figure.QuerySelectorAll("table tbody tr").ToList();
            Assert.Equal(svg.QuerySelectorAll("rect").Length, rows.Count);
            Assert.All(rows, r => Assert.Contains($"{r.Children[0].TextContent}：{r.Children[1].TextContent}", desc, StringComparison.Ordinal));
        }

        var grades = figures[2].QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);
        Assert.Equal("3 张", grades["优"]);
        Assert.Equal("0 张", grades["差"]);
        var bands = figures[1].QuerySelectorAll("tbody tr").ToDictionary(r => r.Children[0].TextContent, r => r.Children[1].TextContent);
        Assert.Equal("3 张", bands["90–100分"]);
    }

    [Fact]
    public void Organisation_page_follows_a_project_across_years()
    {
        var page = Page(WithRecurringProject.Value, $"{Hongqiao}/index.html");
        Assert.NotNull(page.QuerySelector("#recurring-heading"));
        var years = page.QuerySelectorAll("#recurring-heading ~ div table tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Equal(["2024年度", "2025年度"], years);
        Assert.Null(Page(Site.Root, $"{Hongqiao}/index.html").QuerySelector("#recurring-heading"));
    }

    [Fact]
    public void Every_page_but_home_has_breadcrumbs_ending_at_itself()
    {
        foreach (var path in new[] { $"{Hongqiao}/index.html", $"{Hongqiao}/2024/index.html", "years/2024/index.html", "data/index.html", "pages/about/index.html", Site.Model.Forms[0].Path + "index.html" })
        {
            var crumbs = Page(Site.Root, path).QuerySelectorAll("nav.breadcrumbs li a").ToList();
            Assert.True(crumbs.Count >= 2, path);
            Assert.Equal("首页", crumbs[0].TextContent);
            Assert.Equal("page", crumbs[^1].GetAttribute("aria-current"));
        }
    }

    [Fact]
    public void Not_found_page_links_from_the_base_path_because_it_is_served_at_any_depth_and_inlines_its_style_by_hash()
    {
        var page = Page(Site.Root, "404.html");
        Assert.Equal("页面未找到", page.QuerySelector("h1")!.TextContent);
        var basePath = new Uri(BuiltSite.BaseUrl).AbsolutePath;
        var links = page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!).Where(h => !h.StartsWith('#')).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, h => Assert.StartsWith(basePath, h, StringComparison.Ordinal));
        Assert.Equal(basePath, page.DocumentElement.GetAttribute("data-root"));
        Assert.Empty(page.QuerySelectorAll("link[rel=stylesheet], script[src]"));

        // The inline style and script are allowed by their hashes, and nothing else inline is.
        var csp = page.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content")!;
        foreach (var (element, directive) in new[] { ("style", "style-src"), ("script", "script-src") })
        {
            var text = page.QuerySelector(element)!.TextContent;
            Assert.NotEmpty(text);
            var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
            Assert.Contains($"{directive} 'self' 'sha256-{hash}';", csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
    }

    private static IDocument Page(string root, string path) => Parser.ParseDocument(File.ReadAllText(Path.Combine(root, path)));

    /// <summary>content/ plus the Hongqiao talent-services self-evaluation again for 2025, marked as changed on 2026-11-02.</summary>
    private static string BuildWithRecurringProject()
    {
        var temp = Repo.TempDir("recurring");
        var content = Path.Combine(temp, "content");
        Repo.CopyTree(content);

        // The other forms name no date, so their files' dates stand: written long before the new form.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        var source = File.ReadAllText(Path.Combine(content, "forms", Hongqiao, "2024", "talent-services.yaml"));
        Directory.CreateDirectory(Path.Combine(content, "forms", Hongqiao, "2025"));
        File.WriteAllText(
            Path.Combine(content, "forms", Hongqiao, "2025", "talent-services.yaml"),
            source.Replace("year: 2024", "year: 2025\nupdated: 2026-11-02", StringComparison.Ordinal).Replace("full_year_budget: 125.00", "full_year_budget: 140.00", StringComparison.Ordinal));
        var output = Path.Combine(temp, "site");
        var result = new SiteBuilder(new BuildOptions(content, Repo.Templates, output, BuiltSite.BaseUrl)).Build();
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics.Where(d => d.IsError)));
        return output;
    }
}
