using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PerfDisclosure.Build.Tests.Browser;

/// <summary>
/// A form on a phone reads top to bottom, nothing off screen, for every layout of content/ and of every example site;
/// wide screens and print show the official table, and only it.
/// </summary>
public class ReadingViewTests(ReadingSitesFixture fixture) : IClassFixture<ReadingSitesFixture>
{
    public static TheoryData<string, string> Forms()
    {
        var rows = new TheoryData<string, string>();
        foreach (var site in ReadingSite.All)
        {
            foreach (var form in site.OneFormPerLayout())
            {
                rows.Add(site.Name, form.Layout.Id);
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task At_360_px_every_indicator_value_is_on_screen_and_labelled(string site, string layout)
    {
        var entry = ReadingSite.All.Single(s => s.Name == site).OneFormPerLayout().Single(f => f.Layout.Id == layout);
        var page = await Open(site, entry.Path, 360, Media.Screen);

        Assert.False(await page.Locator("table.official-form").IsVisibleAsync(), "the official table shows at 360 px");
        var title = page.Locator(".form-reading .reading-title");
        Assert.True(await title.IsVisibleAsync());
        Assert.Contains(entry.Layout.Title, await title.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains(entry.Form.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), await title.TextContentAsync(), StringComparison.Ordinal);

        var blocks = page.Locator(".reading-indicator");
        Assert.Equal(entry.Form.Indicators.Count, await blocks.CountAsync());
        var labels = await page.Locator(".reading-indicator").First.Locator("dt").AllTextContentsAsync();
        Assert.Equal(entry.Layout.IndicatorColumns.Select(c => c.Label), labels);
        Assert.Equal(entry.Form.Indicators[0].Level3?.Value, (await blocks.First.Locator("h4").TextContentAsync())!.Split(" › ")[^1]);

        // Every label and value of the indicators (and of the header fields) lies inside the 360 px viewport.
        var outside = await page.EvaluateAsync<string[]>(
            """
            () => { const w = document.documentElement.clientWidth;
              return [...document.querySelectorAll('.form-reading dt, .form-reading dd, .form-reading h2, .form-reading h3, .form-reading h4')]
                .filter(e => { const r = e.getBoundingClientRect(); return r.left < 0 || r.right > w + 0.5 || r.width === 0; })
                .map(e => e.tagName + ' ' + e.textContent.slice(0, 30)); }
            """);
        Assert.True(outside.Length == 0, $"{site}/{layout}: off screen at 360 px: {string.Join(" | ", outside.Take(5))}");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{site}/{layout} scrolls sideways at 360 px: {widths[0]} > {widths[1]}");

        var axe = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions
        {
            RunOnly = new() { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"] },
        });
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} at {v.Nodes.FirstOrDefault()?.Html}")));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task At_1280_px_and_in_print_the_official_table_shows_alone(string site, string layout)
    {
        var entry = ReadingSite.All.Single(s => s.Name == site).OneFormPerLayout().Single(f => f.Layout.Id == layout);
        foreach (var (width, media) in new[] { (1280, Media.Screen), (360, Media.Print), (1280, Media.Print) })
        {
            var page = await Open(site, entry.Path, width, media);
            Assert.True(await page.Locator("table.official-form").IsVisibleAsync(), $"{site}/{layout} at {width} px ({media}): no official table");
            Assert.False(await page.Locator(".form-reading").IsVisibleAsync(), $"{site}/{layout} at {width} px ({media}): the reading view shows too");

            // The table keeps its H43 associations: every indicator value names its column and row headers.
            var cells = await page.Locator("tbody.indicators td[headers*='-l3']").CountAsync();
            Assert.Equal(entry.Form.Indicators.Count * entry.Layout.IndicatorColumns.Count, cells);
        }
    }

    private async Task<IPage> Open(string site, string path, int width, Media media)
    {
        var browser = fixture.Require();
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 800 } });
        var page = await context.NewPageAsync();
        await page.EmulateMediaAsync(new() { Media = media });
        var response = await page.GotoAsync(fixture.Address(site, path + "index.html"));
        Assert.NotNull(response);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }
}
