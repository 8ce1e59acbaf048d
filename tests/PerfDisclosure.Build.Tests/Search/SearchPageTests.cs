using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PerfDisclosure.Build.Tests.Browser;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>The search page in headless Chromium, against the seed site built from content/.</summary>
public class SearchPageTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData("残疾人")]
    [InlineData("法律顾问")]
    [InlineData("宣传片")]
    [InlineData("保障金")]
    public async Task A_query_lists_exactly_the_forms_containing_it(string phrase)
    {
        var page = await Open("search/index.html?q=" + Uri.EscapeDataString(phrase));

        var expected = SearchCorpus.FormsContaining(phrase);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await AllResults(page));
        Assert.Contains($"找到 {expected.Count} 张表单", await page.Locator("#search-status").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(phrase, await page.Locator("#search-results mark").First.TextContentAsync());
    }

    [Fact]
    public async Task The_header_search_box_leads_to_results_by_keyboard_and_the_url_round_trips()
    {
        var page = await Open("index.html");
        await page.Locator("#site-search-q").FocusAsync();
        await page.Keyboard.TypeAsync("宣传片");
        await page.Keyboard.PressAsync("Enter");
        var first = await AllResults(page);
        Assert.Contains("search/index.html?q=%E5%AE%A3%E4%BC%A0%E7%89%87", page.Url, StringComparison.Ordinal);
        Assert.Equal(SearchCorpus.FormsContaining("宣传片"), first);

        await page.Locator("#search-q").FillAsync("保障金");
        await page.Locator("#search-q").PressAsync("Enter");
        await WaitForResults(page);
        Assert.Contains("q=%E4%BF%9D%E9%9A%9C%E9%87%91", page.Url, StringComparison.Ordinal);

        // history.back() as the Back button does; Playwright's GoBackAsync waits for a load a same-document
        // (pushState) entry never fires.
        await page.EvaluateAsync("history.back()");
        await WaitForResults(page);
        Assert.Equal("宣传片", await page.Locator("#search-q").InputValueAsync());
        Assert.Equal(first, await AllResults(page));

        await page.ReloadAsync();
        await WaitForResults(page);
        Assert.Equal(first, await AllResults(page));
    }

    [Theory]
    [InlineData("法律顾问")]
    [InlineData("宣传片")]
    public async Task Typing_shows_results_without_submitting_with_snippets_from_the_forms_own_text_and_its_own_amount_unit(string phrase)
    {
        var page = await Open("search/index.html");
        await page.Locator("#search-q").FocusAsync();
        await page.Keyboard.TypeAsync(phrase, new() { Delay = 60 });

        // The results of the whole phrase, not of a prefix typed before it (a loaded machine may show those first).
        await page.Locator($"#search-app[data-searched=\"{phrase}\"]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        Assert.Equal(SearchCorpus.FormsContaining(phrase), await AllResults(page));
        Assert.Contains("q=" + Uri.EscapeDataString(phrase), page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("请输入", await page.Locator("#search-status").TextContentAsync(), StringComparison.Ordinal);
        var model = ReadingSite.All[0].Model();
        foreach (var result in await page.Locator("#search-results li").AllAsync())
        {
            var href = await result.Locator("h2 a").GetAttributeAsync("href");
            var form = model.Forms.Single(f => href!.EndsWith(f.Path + "index.html", StringComparison.Ordinal));
            var snippet = await result.Locator(".search-snippet").TextContentAsync();
            Assert.DoesNotContain("本表数据", snippet, StringComparison.Ordinal);
            Assert.DoesNotContain(model.Strings["citizens.explain_heading"], snippet, StringComparison.Ordinal);
            var facts = await result.Locator(".search-facts").TextContentAsync();
            var amount = Regex.Match(facts!, @"([\d,.]+) (万元|元)");
            Assert.True(amount.Success, facts);
            Assert.Equal(form.Layout.AmountUnit, amount.Groups[2].Value);
            Assert.Equal(PerfDisclosure.Build.Rendering.Html.FormatNumber(form.Amount!.Value, form.Layout.FieldAt(form.Layout.Amount)?.Format), amount.Groups[1].Value);
        }
    }

    [Fact]
    public async Task A_filter_narrows_the_results_shows_counts_and_lives_in_the_url()
    {
        var page = await Open("search/index.html?q=" + Uri.EscapeDataString("绩效"));
        var all = await AllResults(page);
        var year = page.Locator("#search-filter-year");
        var option = (await year.Locator("option").AllTextContentsAsync()).First(o => o.StartsWith("2023", StringComparison.Ordinal));
        var count = int.Parse(Regex.Match(option, "（(\\d+)）").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

        await year.SelectOptionAsync("2023");
        await WaitForResults(page);
        Assert.Contains("year=2023", page.Url, StringComparison.Ordinal);
        var narrowed = await AllResults(page);
        Assert.Equal(count, narrowed.Count);
        Assert.True(narrowed.Count < all.Count);
        Assert.All(narrowed, id => Assert.Contains("/2023/", id, StringComparison.Ordinal));
        Assert.True(narrowed.IsSubsetOf(all));

        await page.ReloadAsync();
        await WaitForResults(page);
        Assert.Equal("2023", await page.Locator("#search-filter-year").InputValueAsync());
        Assert.Equal(narrowed, await AllResults(page));
    }

    [Fact]
    public async Task The_page_makes_no_third_party_request_and_announces_results_in_a_live_region()
    {
        var page = await Open("search/index.html?q=" + Uri.EscapeDataString("法律顾问"), request => Assert.StartsWith(chromium.Server!.BaseAddress, request.Url, StringComparison.Ordinal));
        Assert.Equal("polite", await page.Locator("#search-status").GetAttributeAsync("aria-live"));
        Assert.Equal("搜索项目名称、单位或表中任意文字", await page.GetByLabel("搜索项目名称、单位或表中任意文字").EvaluateAsync<string>("e => e.labels[0].textContent"));
    }

    [Theory]
    [InlineData("search/index.html")]
    [InlineData("search/index.html?q=%E5%AE%A3%E4%BC%A0%E7%89%87")]
    public async Task Opened_from_the_file_system_the_page_says_search_needs_a_server_and_links_to_the_browse_pages(string path)
    {
        var page = await chromium.Require().NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(Path.Combine(chromium.SiteRoot!, "search", "index.html")).AbsoluteUri + path["search/index.html".Length..]);

        var offline = page.Locator("#search-offline");
        await offline.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal(ReadingSite.All[0].Model().Strings["search.offline"], await offline.Locator("p").TextContentAsync());
        Assert.False(await page.Locator("#search-form").IsVisibleAsync());
        Assert.DoesNotContain("Failed to fetch", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(errors);

        // Every browse link is a file of the site, and following one opens it.
        var links = await offline.Locator("a").AllAsync();
        Assert.True(links.Count > 1);
        foreach (var link in links)
        {
            var href = await link.EvaluateAsync<string>("a => a.href");
            Assert.True(File.Exists(new Uri(href).LocalPath), href);
        }

        await links[0].ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/index\.html$"));
        Assert.True(File.Exists(new Uri(page.Url).LocalPath), page.Url);
    }

    [Fact]
    public async Task Without_javascript_the_page_says_so_and_links_to_the_browse_pages()
    {
        await using var context = await chromium.Require().NewContextAsync(new() { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(chromium.Server!.BaseAddress + "search/index.html?q=x");
        Assert.Contains("搜索需要启用 JavaScript", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("noscript").CountAsync() == 1);
        Assert.True(await page.Locator("a[href*='years/']").CountAsync() > 0);
    }

    private async Task<IPage> Open(string path, Action<IRequest>? onRequest = null)
    {
        var page = await chromium.Require().NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        // Chromium asks for /favicon.ico at the host's root, outside the site; anything the site links must load.
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && r.Url.StartsWith(chromium.Server!.BaseAddress, StringComparison.Ordinal))
            {
                errors.Add($"{r.Status} {r.Url}");
            }
        };
        if (onRequest is not null)
        {
            page.Request += (_, r) => onRequest(r);
        }

        await page.GotoAsync(chromium.Server!.BaseAddress + path);
        if (path.Contains("q=", StringComparison.Ordinal))
        {
            await WaitForResults(page);
        }

        Assert.Empty(errors);
        return page;
    }

    private static async Task WaitForResults(IPage page) =>
        await page.Locator("#search-app[data-searched]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    /// <summary>Every result's form id, pressing 显示更多结果 until all are shown.</summary>
    private async Task<SortedSet<string>> AllResults(IPage page)
    {
        await WaitForResults(page);
        while (await page.Locator("#search-more").IsVisibleAsync())
        {
            var before = await page.Locator("#search-results a").CountAsync();
            await page.Locator("#search-more").ClickAsync();
            await page.WaitForFunctionAsync($"() => document.querySelectorAll('#search-results a').length > {before}");
        }

        var hrefs = await page.Locator("#search-results a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)");
        return new(hrefs.Select(h => h[chromium.Server!.BaseAddress.Length..].Replace("/index.html", string.Empty, StringComparison.Ordinal)), StringComparer.Ordinal);
    }
}
