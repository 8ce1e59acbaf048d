using PerfDisclosure.Core.Forms;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// Every value fits where it goes (#14 items 5 and 6): a character no output can carry, a year no date can hold, a
/// base URL that would write its own lines into robots.txt — each is an error at its file and line, the same in
/// <c>check</c> and <c>build</c>, and the build stops before any output is written instead of crashing in one.
/// </summary>
public class ValueFitsTests
{
    // YAML double-quoted escapes, as an import or a hand writes them, and raw characters.
    [Theory]
    [InlineData("\"甲\\e乙\"", "U+001B")]
    [InlineData("\"甲\\x1b乙\"", "U+001B")]
    [InlineData("\"甲\\u001B乙\"", "U+001B")]
    [InlineData("\"甲\\0乙\"", "U+0000")]
    [InlineData("\"甲\\a乙\"", "U+0007")]
    [InlineData("\"甲\\r乙\"", "U+000D")]
    [InlineData("\"甲\\x7f乙\"", "U+007F")]
    [InlineData("\"甲\\N乙\"", "U+0085")]
    [InlineData("\"甲\\x9b乙\"", "U+009B")]
    [InlineData("\"甲\\uFFFE乙\"", "U+FFFE")]
    [InlineData("\"甲\u001b乙\"", "U+001B")]
    public void A_control_character_in_a_form_value_is_an_error_at_its_line_in_check_and_build(string value, string named)
    {
        var site = new TestSite("value-control");
        site.Write(TestSite.SeedForm, site.SeedWith("project_name", value));
        var line = site.Read(TestSite.SeedForm).Split('\n').ToList().FindIndex(l => l.StartsWith("project_name:", StringComparison.Ordinal)) + 1;

        var (_, checkedOnly) = new SiteBuilder(site.Options()).Check();
        var built = site.Build();

        foreach (var diagnostics in new[] { checkedOnly, built.Diagnostics })
        {
            var error = Assert.Single(diagnostics, d => d.Code == "PD0008");
            Assert.EndsWith(TestSite.SeedForm, error.Where.File, StringComparison.Ordinal);
            Assert.Equal(line, error.Where.Line);
            Assert.Contains(named, error.MessageEn, StringComparison.Ordinal);
        }

        Assert.False(built.Succeeded);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("\"甲\\t乙\"")]
    [InlineData("\"甲\\n乙\"")]
    [InlineData("\"甲\\u00A0乙😀\"")]
    public void Tabs_line_feeds_and_any_printable_character_are_kept(string value)
    {
        var site = new TestSite("value-kept");
        site.Write(TestSite.SeedForm, site.SeedWith("project_name", value));

        Assert.DoesNotContain(site.Load().Diagnostics, d => d.Code == "PD0008");
    }

    [Theory]
    [InlineData("organisations/sz-futian-investment-promotion.yaml", "name", 1)]
    [InlineData("site.yaml", "title", 2)]
    public void A_control_character_in_an_organisation_or_site_setting_is_refused_too(string file, string key, int line)
    {
        var site = new TestSite("value-control-other");
        var lines = site.Read(file).Split('\n').ToList();
        lines[line - 1] = $"{key}: \"甲\\e乙\"";
        Assert.StartsWith(key + ":", site.Read(file).Split('\n')[line - 1], StringComparison.Ordinal);
        site.Write(file, string.Join('\n', lines));

        var error = Assert.Single(site.Load().Diagnostics, d => d.Code == "PD0008");

        Assert.EndsWith(file, error.Where.File, StringComparison.Ordinal);
        Assert.Equal(line, error.Where.Line);
        Assert.False(site.Build().Succeeded);
    }

    [Fact]
    public void A_control_character_in_a_page_is_an_error_at_the_character_and_in_its_title_at_the_title()
    {
        var site = new TestSite("value-control-page");
        site.Write("pages/body.md", "---\ntitle: 正文\n---\n第一行\n第二\u001b[2J行\n");
        site.Write("pages/title.md", "---\ntitle: \"标\\e题\"\n---\n正文\n");

        var errors = site.Load().Diagnostics.Where(d => d.Code == "PD0008").ToList();
        Assert.True(errors.Count == 2, string.Join("\n", site.Load().Diagnostics));

        Assert.Contains(errors, e => e.Where.File.EndsWith("pages/body.md", StringComparison.Ordinal) && e.Where.Line == 5 && e.Where.Column == 3);
        Assert.Contains(errors, e => e.Where.File.EndsWith("pages/title.md", StringComparison.Ordinal) && e.Where.Line == 2);
    }

    [Theory]
    [InlineData("0", "PD0009")]
    [InlineData("-1", "PD0009")]
    [InlineData("1948", "PD0009")]
    [InlineData("2101", "PD0009")]
    [InlineData("10000", "PD0009")]
    [InlineData("99999999999", "PD0005")]
    [InlineData("-99999999999999999999", "PD0005")]
    [InlineData("1" + "0000000000000000000000000000000", "PD0005")]
    public void A_year_outside_the_range_is_an_error_at_its_line_never_a_crash(string year, string code)
    {
        var site = new TestSite("value-year");
        site.Write(TestSite.SeedForm, site.SeedWith("year", year));

        var built = site.Build();

        var error = Assert.Single(built.Diagnostics, d => d.Code == code && d.Where.File.EndsWith(TestSite.SeedForm, StringComparison.Ordinal));
        Assert.Equal(5, error.Where.Line);
        Assert.False(built.Succeeded);
        Assert.Contains(error.Code, site.Load().Diagnostics.Select(d => d.Code));
    }

    [Theory]
    [InlineData(FormYears.Min)]
    [InlineData(FormYears.Max)]
    public void The_bounds_themselves_are_years(int year)
    {
        var site = new TestSite("value-year-bound");
        site.Write(TestSite.SeedForm, site.SeedWith("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        Assert.DoesNotContain(site.Load().Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("https://budget.example.gov.cn/\\nDisallow: /")]
    [InlineData("https://budget.example.gov.cn/ x")]
    [InlineData("https://budget.example.gov.cn/\\t")]
    [InlineData("https://budget.example.gov.cn/\\u202E")]
    [InlineData("https://")]
    [InlineData("http:///budget/")]
    [InlineData("ftp://budget.example.gov.cn/")]
    [InlineData("https://user:secret@budget.example.gov.cn/")]
    [InlineData("/budget\\\\x/")]
    public void The_base_url_option_passes_the_same_test_as_site_yaml(string escaped)
    {
        var baseUrl = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var site = new TestSite("base-url-option");

        var built = new SiteBuilder(site.Options() with { BaseUrl = baseUrl }).Build();

        var error = Assert.Single(built.Diagnostics, d => d.Code == "PD0707");
        Assert.Equal("--base-url", error.Where.File);
        Assert.False(built.Succeeded);
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_good_base_url_option_builds_a_robots_file_of_its_own_lines()
    {
        var site = new TestSite("base-url-good");

        Assert.True(new SiteBuilder(site.Options() with { BaseUrl = "https://other.example.gov.cn/budget/", NoPdf = true }).Build().Succeeded);

        Assert.Equal("User-agent: *\nAllow: /\n\nSitemap: https://other.example.gov.cn/budget/sitemap.xml\n", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));
    }
}
