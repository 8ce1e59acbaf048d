using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PerfDisclosure.Build.Stages;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Outputs;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// A PDF per form, printed from its page, and a compilation per organisation and year (docs/pdf.md). Runs after
/// the pages stage, from the HTML in the staging folder; PDFs already in the cache are copied, the rest printed by
/// one Chromium. Without Chromium the site is built without PDFs (one line says so) unless --require-pdf.
/// </summary>
public sealed partial class PdfStage : IOutputStage
{
    public string Name => "pdf";

    /// <summary>Whether this build will publish PDFs, so pages link them only then.</summary>
    public static bool WillPrint(BuildOptions options) => !options.NoPdf && ChromiumLocator.Find(options.Chromium).Path is not null;

    public void Run(BuildContext context)
    {
        var options = context.Options;
        if (options.NoPdf)
        {
            return;
        }

        var (chromium, reason) = ChromiumLocator.Find(options.Chromium);
        if (chromium is null)
        {
            var severity = options.RequirePdf ? Severity.Error : Severity.Info;
            context.Report(OutputRules.PdfSkipped.Report(SourceSpan.FileOnly("chromium"), $"未生成 PDF：{reason}；安装 Chromium：{ChromiumLocator.InstallHint}", $"PDFs skipped: {reason}; to print them, {ChromiumLocator.InstallHint}", severity: severity));
            return;
        }

        try
        {
            Task.Run(() => RunAsync(context, chromium)).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            var message = e.Message.Split('\n')[0];
            context.Report(OutputRules.PdfFailed.Report(SourceSpan.FileOnly(chromium), $"Chromium 打印 PDF 失败：{message}", $"Chromium failed to print the PDFs: {message}"));
        }
    }

    /// <summary>Number of pages of a PDF as Chromium writes it (one <c>/Type /Page</c> object per page).</summary>
    public static int CountPages(byte[] pdf) => PageObject().Count(System.Text.Encoding.Latin1.GetString(pdf));

    private static async Task RunAsync(BuildContext context, string chromium)
    {
        var clock = Stopwatch.StartNew();
        var cache = PdfCache.In(context.CacheFolder);
        var (jobs, temporary) = PdfJobs.Plan(context);
        try
        {
            var missing = new List<PdfJob>();
            foreach (var job in jobs)
            {
                if (cache.Find(job.Key) is { } cached)
                {
                    context.Writer.WriteBytes(job.SitePath, cached);
                }
                else
                {
                    missing.Add(job);
                }
            }

            var pages = 0;
            if (missing.Count > 0)
            {
                await using var printer = await PdfPrinter.LaunchAsync(chromium);
                await printer.PrintAsync(missing, Parallel(), (job, pdf) =>
                {
                    cache.Store(job.Key, pdf);
                    context.Writer.WriteBytes(job.SitePath, pdf);
                    Interlocked.Add(ref pages, CountPages(pdf));
                });
            }

            cache.Prune(jobs.Select(j => j.Key).ToHashSet(StringComparer.Ordinal));
            foreach (var job in missing)
            {
                context.Log.WriteLine($"pdf: printed {job.SitePath}");
            }

            context.Log.WriteLine($"pdf: printed {missing.Count} PDF(s), {pages} page(s), in {clock.ElapsedMilliseconds} ms; {jobs.Count - missing.Count} unchanged, copied from {cache.Dir}");
        }
        finally
        {
            foreach (var file in temporary)
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Pages printing at once: one per core, or $PERFDISCLOSURE_PDF_PAGES (for bench/pdf.sh).</summary>
    private static int Parallel() =>
        int.TryParse(Environment.GetEnvironmentVariable("PERFDISCLOSURE_PDF_PAGES"), out var pages) && pages > 0 ? pages : Environment.ProcessorCount;

    [GeneratedRegex(@"/Type /Page\b")]
    private static partial Regex PageObject();
}
