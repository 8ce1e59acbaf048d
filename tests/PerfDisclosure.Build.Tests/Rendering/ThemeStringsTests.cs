using System.Text.Json;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>
/// templates/strings.yaml: every word a reader sees that the build writes itself comes from the theme, and a site
/// overrides it key by key (docs/templates.md).
/// </summary>
public class ThemeStringsTests
{
    private const string Overrides = """
        home: 主页
        kind:
          self_evaluation: 自评结果
        title:
          search: 查找
          organisation_year: "{year}年：{organisation}"
        feed:
          subtitle: 最新绩效表
        charts:
          score_bands: 总分分布
        search:
          grade: 等级
        open_data:
          forms:
            title: 表单目录
        """;

    [Fact]
    public void A_site_changes_the_words_it_overrides_on_every_output_and_keeps_the_rest()
    {
        var site = new TestSite("strings-override");
        site.Write("templates/strings.yaml", Overrides);

        var result = new SiteBuilder(site.Options() with { NoPdf = true }).Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics.Where(d => d.IsError)));
        string Read(string path) => File.ReadAllText(Path.Combine(site.Output, path));
        var search = Read("search/index.html");
        Assert.Contains(">主页</a>", search, StringComparison.Ordinal); // the first breadcrumb
        Assert.DoesNotContain("首页", search, StringComparison.Ordinal);
        Assert.Contains("<title>查找", search, StringComparison.Ordinal);
        Assert.Contains("<subtitle>最新绩效表</subtitle>", Read("feed.xml"), StringComparison.Ordinal);

        // An organisation and year with self-evaluations: its title takes the override's own order, and its charts.
        var selfEvaluated = Directory.EnumerateFiles(site.Output, "index.html", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .First(t => t.Contains("总分分布", StringComparison.Ordinal));
        Assert.Matches(@"<title>\d{4}年：上海", selfEvaluated);

        using var meta = JsonDocument.Parse(Read("search/meta.json"));
        var facets = meta.RootElement.GetProperty("facets").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!);
        Assert.Equal("等级", facets["grade"].GetProperty("label").GetString());
        var kinds = facets["kind"].GetProperty("values").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Contains("自评结果", kinds);
        Assert.Contains("绩效目标", kinds); // not overridden: the built-in word stays

        using var package = JsonDocument.Parse(Read("data/datapackage.json"));
        var titles = package.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.TryGetProperty("title", out var t) ? t.GetString() : null).ToList();
        Assert.Contains("表单目录", titles);
        Assert.Contains("绩效指标", titles);
        Assert.Contains("表格提示说明", Read("notes/index.html"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("title:\n  serach: 查找\n", 2, 3, "title.search")]
    [InlineData("hom: 主页\n", 1, 1, "home")]
    [InlineData("charts:\n  form_count: \"{total} 张\"\n", 2, 3, "{count}")]
    [InlineData("feed:\n  entry: \"{project}（{grade}）\"\n", 2, 3, "{layout}")]
    public void A_key_or_placeholder_the_build_does_not_have_is_an_error_at_its_line(string yaml, int line, int column, string hint)
    {
        var site = new TestSite("strings-bad");
        site.Write("templates/strings.yaml", yaml);

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.Code == "PD0903");
        Assert.EndsWith("templates/strings.yaml", error.Where.File, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Where.Line, error.Where.Column));
        Assert.Contains(hint, error.MessageEn, StringComparison.Ordinal);
        Assert.False(new SiteBuilder(site.Options() with { NoPdf = true }).Build().Succeeded);
    }

    [Fact]
    public void A_value_that_is_not_text_is_a_type_error_and_the_built_in_word_stays()
    {
        var diagnostics = new DiagnosticBag();
        var dir = Repo.TempDir("strings-type");
        File.WriteAllText(Path.Combine(dir, ThemeStrings.FileName), "home: [主页]\nyear: \"{year} 年\"\n");

        var strings = ThemeStrings.Load(new ThemeFiles(dir), diagnostics);

        var error = Assert.Single(diagnostics.ToList());
        Assert.Equal(("PD0005", 1), (error.Code, error.Where.Line));
        Assert.Equal("首页", strings["home"]);
        Assert.Equal("2024 年", strings.Format("year", ("year", 2024)));
    }

    [Fact]
    public void Templates_read_the_words_escaped_and_cannot_change_them()
    {
        var dir = Repo.TempDir("strings-script");
        File.WriteAllText(Path.Combine(dir, ThemeStrings.FileName), "home: \"<b>主页</b>\"\n");
        var strings = ThemeStrings.Load(new ThemeFiles(dir), new DiagnosticBag());

        Assert.Equal("&lt;b&gt;主页&lt;/b&gt;", strings.Script["home"]);
        Assert.True(strings.Script.IsReadOnly);
        Assert.True(Assert.IsType<Scriban.Runtime.ScriptObject>(strings.Script["kind"]).IsReadOnly);
    }
}
