using System.Collections.Concurrent;
using Microsoft.Playwright;
using PerfDisclosure.Core.Links;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// One headless Chromium for the whole build, driven by Playwright, printing HTML files to tagged A4 PDFs on a few
/// pages at once. Page size and orientation come from print.css (named pages), so one compilation can mix portrait
/// and landscape forms; the page numbers (第 X 页 共 Y 页) are CSS page-margin boxes in the same font as the form.
/// </summary>
public sealed class PdfPrinter : IAsyncDisposable
{
    /// <summary>What Chromium needs as root in a container, and nothing that reaches the network.</summary>
    private static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-extensions", "--disable-dev-shm-usage",
    ];

    /// <summary>
    /// Puts another document's &lt;main&gt; into the loaded page, with its own title and language: Chromium writes the
    /// PDF's /Title and /Lang from the document, so a page that kept the first form's &lt;title&gt; would print it into
    /// every PDF. The new main stays hidden (no layout) until <see cref="PrintPreparation.Script"/> has loaded the
    /// fonts its text needs, so it is laid out once with its fonts instead of once more per font slice that arrives.
    /// </summary>
    private const string TakeForm = "page => { const main = document.querySelector('main'); main.style.display = 'none'; main.innerHTML = page.main; document.title = page.title; document.documentElement.lang = page.lang; }";

    /// <summary>
    /// The printing pages' viewport: A4's width inside print.css's margins (186 mm at 96 px per inch), and low. The page
    /// is never shown, but Chromium still rasterises and composites what the viewport shows after every change;
    /// a strip of it costs next to nothing, a 1280×720 screen costs ~20 ms of CPU per form. Printing lays out
    /// on the paper's size and does not depend on it.
    /// </summary>
    /// <summary>
    /// Everything done to a page before printing it, in one call (each call is a round trip through Playwright's
    /// driver, ~2 ms of CPU): take the next document's main when the page is reused, prepare it, fix its links, and
    /// return the link targets left, for <see cref="SafeLinks"/> to judge.
    /// </summary>
    private const string Prepare = "async job => { if (job.main !== null) (" + TakeForm + ")(job); await (" + PrintPreparation.Script + ")(job.landscape); (" + PrintPreparation.Links + ")(job.canonical); return (" + PrintPreparation.LinkTargets + ")(); }";

    private static readonly ViewportSize Viewport = new() { Width = 703, Height = 16 };

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private PdfPrinter(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<PdfPrinter> LaunchAsync(string executable)
    {
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Args = Arguments, Headless = true });
            return new PdfPrinter(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>Prints every job on <paramref name="parallel"/> pages, each in its own context; calls <paramref name="printed"/> as each PDF is done.</summary>
    public async Task PrintAsync(IEnumerable<PdfJob> jobs, int parallel, Action<PdfJob, byte[]> printed)
    {
        var queue = new ConcurrentQueue<PdfJob>(jobs);
        var workers = Enumerable.Range(0, Math.Max(1, Math.Min(parallel, queue.Count))).Select(async _ =>
        {
            await using var context = await browser.NewContextAsync(new() { JavaScriptEnabled = true, ViewportSize = Viewport });
            var page = await context.NewPageAsync();

            // Print media from the start: a page laid out for the screen (site.css's fonts and widths) is laid out and
            // its text shaped again for print, and once more for the screen after printing; this way once.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            string? shell = null;
            while (queue.TryDequeue(out var job))
            {
                printed(job, await PrintAsync(page, job, reuse: shell is not null && shell == job.Shell));
                shell = job.Shell;
            }
        });
        await Task.WhenAll(workers);
    }

    /// <summary>What is inside the page's &lt;main&gt;.</summary>
    public static string Main(string html, string source)
    {
        var open = html.IndexOf("<main", StringComparison.Ordinal);
        var start = open < 0 ? -1 : html.IndexOf('>', open) + 1;
        var end = html.LastIndexOf("</main>", StringComparison.Ordinal);
        return start > 0 && end >= start ? html[start..end] : throw new InvalidDataException($"{source}: no <main> element to print");
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }

    private static async Task<byte[]> PrintAsync(IPage page, PdfJob job, bool reuse)
    {
        var html = await File.ReadAllTextAsync(job.Source);
        if (!reuse)
        {
            await page.GotoAsync(new Uri(job.Source).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        }

        var targets = await page.EvaluateAsync<string[]>(Prepare, new { main = reuse ? Main(html, job.Source) : null, title = PageHead.Title(html), lang = PageHead.Lang(html), landscape = job.Landscape, canonical = PageHead.Canonical(html) });

        // A PDF reader follows a link's /URI action with no content security policy to stop it: the page's links pass
        // the same policy as Markdown's (a site's own template could still write one), and a refused one stays as text.
        if (targets.Where(t => !SafeLinks.IsAllowed(t)).ToArray() is { Length: > 0 } refused)
        {
            await page.EvaluateAsync(PrintPreparation.Unlink, refused);
        }

        var pdf = await page.PdfAsync(new()
        {
            PreferCSSPageSize = true,
            Tagged = true,
            Outline = true,
            PrintBackground = false,
        });
        return PdfDocumentInfo.Set(ReproduciblePdf.Normalise(pdf, job.Date), job.Title, job.Author, job.Date);
    }
}
