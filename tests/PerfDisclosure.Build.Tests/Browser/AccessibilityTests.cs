using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PerfDisclosure.Build.Tests.Browser;

/// <summary>
/// Every page type in headless Chromium: zero axe-core violations (WCAG 2.2 AA and best practice) in the light
/// and the dark scheme, and no page-level sideways scrolling at 320 CSS px (the reflow criterion, 1.4.10).
/// </summary>
public class AccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly AxeRunOptions Wcag22Aa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    public static TheoryData<string> PageTypeNames => PageTypes.Names();

    [Theory]
    [MemberData(nameof(PageTypeNames))]
    public async Task Page_type_has_no_axe_violations_in_light_and_dark(string pageType)
    {
        var browser = fixture.Require();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, ColorScheme = scheme });
            var page = await Open(context, pageType);
            var result = await page.RunAxe(Wcag22Aa);
            Assert.True(result.Violations.Length == 0, $"{pageType} ({scheme}): " + Describe(result.Violations));
        }
    }

    [Theory]
    [MemberData(nameof(PageTypeNames))]
    public async Task Page_type_fits_320_and_1280_px_without_sideways_scrolling(string pageType)
    {
        var browser = fixture.Require();
        foreach (var width in new[] { 320, 1280 })
        {
            await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 800 } });
            var page = await Open(context, pageType);
            var file = Path.Combine(BrowserFixture.Screenshots, $"{pageType}-{width}.png");
            await page.ScreenshotAsync(new() { Path = file, FullPage = true });
            TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {file}");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            var (scroll, client) = (widths[0], widths[1]);
            Assert.True(scroll <= client, $"{pageType} at {width}px scrolls sideways: page is {scroll}px wide, viewport {client}px");
        }
    }

    /// <summary>WCAG 1.4.4: text enlarged to 200 % (as browsers' text-only zoom does) still fits a 1280 px window.</summary>
    [Theory]
    [MemberData(nameof(PageTypeNames))]
    public async Task Page_type_takes_text_at_200_percent_without_sideways_scrolling(string pageType)
    {
        var browser = fixture.Require();
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await Open(context, pageType);
        await page.EvaluateAsync("() => { document.documentElement.style.fontSize = '200%'; }");
        var file = Path.Combine(BrowserFixture.Screenshots, $"{pageType}-1280-text200.png");
        await page.ScreenshotAsync(new() { Path = file, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {file}");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{pageType} with 200 % text scrolls sideways: page is {widths[0]}px wide, viewport {widths[1]}px");
    }

    [Fact]
    public async Task Sortable_table_sorts_by_a_column_header_button()
    {
        var browser = fixture.Require();
        await using var context = await browser.NewContextAsync();
        var page = await Open(context, "organisation-year");
        var names = await page.Locator("table.sortable tbody th").AllTextContentsAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "项目名称" }).ClickAsync();
        Assert.Equal("ascending", await page.Locator("table.sortable thead th").First.GetAttributeAsync("aria-sort"));
        Assert.Equal(names.Order(StringComparer.Create(new System.Globalization.CultureInfo("zh-CN"), false)), await page.Locator("table.sortable tbody th").AllTextContentsAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "金额（万元）" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "金额（万元）" }).ClickAsync();
        var amounts = (await page.Locator("table.sortable tbody td:nth-child(3)").AllTextContentsAsync()).Select(a => decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(amounts.OrderDescending(), amounts);
    }

    [Fact]
    public async Task Csp_allows_the_page_and_its_json_ld_without_violations()
    {
        var browser = fixture.Require();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        await page.GotoAsync(fixture.Server!.BaseAddress + "data/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(problems);
        Assert.Equal("Dataset", await page.EvaluateAsync<string>("() => JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@type']"));
    }

    private async Task<IPage> Open(IBrowserContext context, string pageType)
    {
        var type = PageTypes.Of(BuiltSite.Content.Model).Single(p => p.Name == pageType);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(fixture.Server!.BaseAddress + (type.Path.EndsWith(".html", StringComparison.Ordinal) ? type.Path : type.Path + "index.html"));
        Assert.NotNull(response);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    private static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html))}"));
}
