using System.Globalization;
using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Tests.Browser;

/// <summary>The comparison page in headless Chromium: the filter keeps the rows holding every word typed, and a column header sorts.</summary>
public class ComparePageBrowserTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Typing_in_the_filter_keeps_matching_rows_and_a_header_sorts_by_score()
    {
        var page = await chromium.Require().NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(chromium.Server!.BaseAddress + SitePaths.Compare + "index.html");
        var rows = page.Locator("#compare-table tbody tr");
        var total = await rows.CountAsync();
        var organisation = BuiltSite.Content.Model.Forms.First(f => f.IsSelfEvaluation).Owner.Name;
        var expected = (await rows.AllTextContentsAsync()).Count(t => t.Contains(organisation, StringComparison.Ordinal));
        Assert.InRange(expected, 1, total - 1);

        await page.Locator("#compare-filter").FocusAsync();
        await page.Keyboard.TypeAsync(organisation, new() { Delay = 20 });
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#compare-table tbody tr:not([hidden])').length === {expected}");
        Assert.Contains($"{expected} / {total}", await page.Locator("#compare-filter-status").TextContentAsync(), StringComparison.Ordinal);

        await page.Locator("#compare-filter").FillAsync(string.Empty);
        await page.WaitForFunctionAsync($"() => document.querySelectorAll('#compare-table tbody tr:not([hidden])').length === {total}");
        await page.Locator("#compare-table thead th:nth-child(5) button").ClickAsync();
        var scores = (await page.Locator("#compare-table tbody tr td:nth-of-type(4)").EvaluateAllAsync<string[]>("cells => cells.map(c => c.getAttribute('data-sort'))"))
            .Where(s => s.Length > 0).Select(s => decimal.Parse(s, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(total, scores.Count);
        Assert.Equal(scores.Order(), scores);
        Assert.Equal("ascending", await page.Locator("#compare-table thead th:nth-child(5)").GetAttributeAsync("aria-sort"));
        Assert.Empty(errors);
    }
}
