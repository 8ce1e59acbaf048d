namespace PerfDisclosure.Build.Tests.Feeds;

/// <summary>
/// Canonical links, the feed, the sitemap, robots.txt, the 404 page and the open data are made from the base URL:
/// <c>--base-url</c>, which replaces site.yaml's, passes the same check (PD0707), so none of them can carry a refused scheme.
/// </summary>
public class BaseUrlPolicyTests
{
    [Theory]
    [InlineData("javascript:alert(1)//")]
    [InlineData("JaVaScRiPt:alert(1)//")]
    [InlineData(" javascript:alert(1)//")]
    [InlineData("vbscript:x//")]
    [InlineData("data:text/html,x//")]
    [InlineData("file:///etc/")]
    [InlineData("//evil.example/")]
    [InlineData("budget.example.gov.cn")]
    public void A_base_url_option_the_policy_refuses_is_an_error_and_nothing_is_built(string baseUrl)
    {
        var site = new TestSite("base-url-option");
        var options = site.Options() with { BaseUrl = baseUrl };

        var (_, diagnostics) = new SiteBuilder(options).Check();
        var result = new SiteBuilder(options).Build();

        var error = Assert.Single(diagnostics, d => d.Code == "PD0707");
        Assert.Equal("--base-url", error.Where.File);
        Assert.Contains(result.Diagnostics, d => d.Code == "PD0707");
        Assert.False(result.Succeeded);
        Assert.False(Directory.Exists(site.Output));
    }

    [Theory]
    [InlineData("https://budget.example.gov.cn/")]
    [InlineData("HTTP://budget.example.gov.cn/sub/")]
    [InlineData("/budget/")]
    public void A_safe_base_url_option_builds_and_every_canonical_link_starts_with_it(string baseUrl)
    {
        var site = new TestSite("base-url-option-ok");
        var result = new SiteBuilder(site.Options() with { BaseUrl = baseUrl }).Build();

        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "PD0707");
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Contains("<loc>" + baseUrl.TrimEnd('/') + "/", File.ReadAllText(Path.Combine(site.Output, "sitemap.xml")), StringComparison.Ordinal);
    }
}
