using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Tests.Browser;

/// <summary>
/// The pages a citizen reads on a phone, for content/ and every example site: the comparison page and the form
/// pages have no axe violations at 360 and 1280 px, and the organisation-year table keeps its words whole at 360 px
/// (类型 and 评分等级 on one line, never one character per line).
/// </summary>
public class PhoneViewTests(ReadingSitesFixture fixture) : IClassFixture<ReadingSitesFixture>
{
    private static readonly AxeRunOptions Wcag22Aa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa", "best-practice"] },
    };

    public static TheoryData<string> Sites() => [.. ReadingSite.All.Select(s => s.Name)];

    /// <summary>Each site's comparison page and one form per layout, at each width.</summary>
    public static TheoryData<string, int> SitesAndWidths()
    {
        var rows = new TheoryData<string, int>();
        foreach (var site in ReadingSite.All)
        {
            rows.Add(site.Name, 360);
            rows.Add(site.Name, 1280);
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(SitesAndWidths))]
    public async Task Compare_and_form_pages_have_no_axe_violations_and_no_sideways_scrolling(string site, int width)
    {
        var reading = ReadingSite.All.Single(s => s.Name == site);
        foreach (var path in new[] { SitePaths.Compare }.Concat(reading.OneFormPerLayout().Select(f => f.Path)))
        {
            var page = await Open(site, path, width);
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{site}/{path} scrolls sideways at {width} px: {widths[0]} > {widths[1]}");
            var axe = await page.RunAxe(Wcag22Aa);
            Assert.True(axe.Violations.Length == 0, $"{site}/{path} at {width} px: " + string.Join("\n", axe.Violations.Select(v => $"{v.Id}: {v.Help} at {v.Nodes.FirstOrDefault()?.Html}")));
            await page.Context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task At_360_px_the_organisation_year_table_keeps_its_words_whole(string site)
    {
        var model = ReadingSite.All.Single(s => s.Name == site).Model();
        var busiest = model.Forms.GroupBy(f => (f.Owner.Id, f.Form.Year)).OrderByDescending(g => g.Count(f => f.IsSelfEvaluation)).ThenByDescending(g => g.Count()).First().Key;
        var page = await Open(site, SitePaths.OrganisationYear(busiest.Item1, busiest.Item2), 360);

        // Per cell: its text and the number of lines it takes (distinct tops of its text nodes' line boxes, 4 px apart).
        var cells = await page.EvaluateAsync<CellLines[]>(
            """
            () => [...document.querySelectorAll('table.listing thead th, table.listing tbody th, table.listing tbody td')].map(c => {
              const walker = document.createTreeWalker(c, NodeFilter.SHOW_TEXT); const tops = [];
              for (let t = walker.nextNode(); t; t = walker.nextNode()) {
                const range = document.createRange(); range.selectNodeContents(t);
                for (const r of range.getClientRects()) if (r.width > 0) tops.push(r.top);
              }
              tops.sort((a, b) => a - b);
              const lines = tops.filter((t, i) => i === 0 || t - tops[i - 1] > 4).length;
              return { column: c.cellIndex, text: c.textContent.trim(), lines, width: c.getBoundingClientRect().width };
            })
            """);
        Assert.NotEmpty(cells);
        var narrow = cells.Where(c => c.Text.Length >= 2 && c.Lines * 2 > c.Text.Length + 1).ToList();
        Assert.True(narrow.Count == 0, $"{site}: cells wrapping about one character per line at 360 px: {string.Join(" | ", narrow.Take(5).Select(c => $"{c.Text} ({c.Lines} lines, {c.Width:0} px)"))}");
        var shortWords = cells.Where(c => c.Column > 0 && c.Text.Length is > 0 and <= 4 && c.Lines > 1).ToList();
        Assert.True(shortWords.Count == 0, $"{site}: short cells (类型, 评分等级) wrap at 360 px: {string.Join(" | ", shortWords.Take(5).Select(c => $"{c.Text} ({c.Lines} lines)"))}");
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{site}: organisation-year page scrolls sideways at 360 px: {widths[0]} > {widths[1]}");
    }

    private async Task<IPage> Open(string site, string path, int width)
    {
        var context = await fixture.Require().NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 800 } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(fixture.Address(site, path + "index.html"));
        Assert.NotNull(response);
        Assert.True(response.Ok, $"{site}/{path}: HTTP {response.Status}");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        return page;
    }

    /// <summary>One table cell as the page lays it out (a class with setters: Playwright fills it from JSON).</summary>
    public sealed class CellLines
    {
        public int Column { get; set; }

        public string Text { get; set; } = string.Empty;

        public int Lines { get; set; }

        public double Width { get; set; }
    }
}
