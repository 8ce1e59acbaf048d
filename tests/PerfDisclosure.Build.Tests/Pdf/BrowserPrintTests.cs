using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PerfDisclosure.Build.Tests.Browser;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Pdf;

/// <summary>
/// A reader pressing Ctrl+P on a form's page (assets/print.css): Chromium prints it on A4 in the orientation the
/// layout file declares (<c>landscape:</c>), the official form only, without the web's parts.
/// </summary>
public partial class BrowserPrintTests(ReadingSitesFixture fixture) : IClassFixture<ReadingSitesFixture>
{
    public static TheoryData<string, string> Forms() => ReadingViewTests.Forms();

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_form_page_prints_on_a4_in_its_layouts_orientation_without_the_webs_parts(string site, string layout)
    {
        var entry = ReadingSite.All.Single(s => s.Name == site).OneFormPerLayout().Single(f => f.Layout.Id == layout);
        var browser = fixture.Require();
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(fixture.Address(site, entry.Path + "index.html"));
        Assert.NotNull(response);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var pdf = Path.Combine(Repo.TempDir("browser-print"), $"{site}-{layout}.pdf");
        await page.PdfAsync(new() { Path = pdf, PreferCSSPageSize = true });
        await context.CloseAsync();

        // Every page A4, landscape (width > height) exactly when the layout says so.
        var sizes = PageSize().Matches(Poppler.Info(pdf)).Select(m => (W: double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), H: double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.NotEmpty(sizes);
        foreach (var (w, h) in sizes)
        {
            var (shortSide, longSide) = entry.Layout.Landscape ? (h, w) : (w, h);
            Assert.True(Math.Abs(shortSide - 595.28) < 1 && Math.Abs(longSide - 841.89) < 1, $"{site}/{layout}: a page of {w} x {h} pt, not A4 {(entry.Layout.Landscape ? "landscape" : "portrait")}");
        }

        // The official form, and nothing of the web: the 提示 box and its links, the links to JSON and PDF, the site's header.
        var text = Poppler.Text(pdf);
        var squeezed = Regex.Replace(text, @"\s+", string.Empty);
        Assert.Contains(Regex.Replace(entry.Form.ProjectName, @"\s+", string.Empty), squeezed, StringComparison.Ordinal);
        Assert.Contains(Regex.Replace(entry.Layout.IndicatorColumns[0].Label, @"\s+", string.Empty), squeezed, StringComparison.Ordinal);
        foreach (var web in new[] { "这是什么意思", "本表数据 (JSON)", "本表 PDF", "跳到主要内容" })
        {
            Assert.DoesNotContain(web, text, StringComparison.Ordinal);
        }

        Assert.False(string.IsNullOrWhiteSpace(Poppler.Text(pdf, 1)), $"{site}/{layout}: page 1 is blank");
    }

    [GeneratedRegex(@"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts")]
    private static partial Regex PageSize();
}
