using Microsoft.Playwright;

namespace PerfDisclosure.Build.Tests.Browser;

/// <summary>
/// 404.html in Chromium wherever it is shown: served for a missing address at any depth under the site's base path,
/// served by a server at the host's root (as <c>serve</c> does), and opened from the file system. Each time it is
/// styled (its style sheet inlined, allowed by the CSP) and every link leads to a page of the site.
/// </summary>
public class NotFoundPageBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string, string> Places() => new()
    {
        { "base path", "a/b/no-such-page/" },
        { "base path", "no-such-file.html" },
        { "host root", "deep/er/no-such-page/" },
        { "file system", "404.html" },
    };

    [Theory]
    [MemberData(nameof(Places))]
    public async Task The_404_page_is_styled_and_its_links_lead_to_the_site(string place, string path)
    {
        var browser = chromium.Require();
        using var atRoot = place == "host root" ? new StaticServer(chromium.SiteRoot!, StaticServer.FreePort(), "/") : null;
        var url = place switch
        {
            "base path" => chromium.Server!.BaseAddress + path,
            "host root" => atRoot!.BaseAddress + path,
            _ => new Uri(Path.Combine(chromium.SiteRoot!, path)).AbsoluteUri,
        };
        var page = await browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(m.Text);
            }
        };
        var response = await page.GotoAsync(url);
        if (place != "file system")
        {
            Assert.Equal(404, response!.Status);
        }

        Assert.Contains(PerfDisclosure.Build.Theme.ThemeStrings.Builtin["title.not_found"], await page.TitleAsync(), StringComparison.Ordinal);
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.Locator(".site-header").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        Assert.Equal("0px", await page.Locator("body").EvaluateAsync<string>("e => getComputedStyle(e).marginTop"));
        Assert.Empty(blocked);

        var links = await page.Locator("main a, .site-header a, .site-footer a").EvaluateAllAsync<string[]>("all => all.map(a => a.href)");
        Assert.True(links.Length >= 4, string.Join(", ", links));
        using var http = new HttpClient();
        foreach (var link in links.Distinct())
        {
            if (place == "file system")
            {
                Assert.True(File.Exists(new Uri(link).LocalPath), link);
            }
            else
            {
                var answer = await http.GetAsync(link, TestContext.Current.CancellationToken);
                Assert.True(answer.IsSuccessStatusCode, $"{link}: {(int)answer.StatusCode}");
            }
        }

        // The header's search box leads to the search page too.
        var action = await page.Locator(".site-search").EvaluateAsync<string>("f => f.action");
        Assert.EndsWith("search/index.html", action, StringComparison.Ordinal);
        await page.CloseAsync();
    }
}
