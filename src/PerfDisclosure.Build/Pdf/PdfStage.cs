using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PerfDisclosure.Build.Stages;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Outputs;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// A PDF per form, made from its page, and a compilation per organisation and year (docs/pdf.md). Runs after the
/// pages stage, from the HTML in the staging folder; PDFs already in the cache are copied, the rest typeset by the
/// engine (Typst, <see cref="TypstPrinter"/>; or, with <c>--pdf-engine chromium</c>, printed by one Chromium).
/// Without the engine the site is built without PDFs (one line says how to get them) unless --require-pdf.
/// </summary>
public sealed partial class PdfStage : IOutputStage
{
    public const string Typst = "typst";

    public const string Chromium = "chromium";

    public string Name => "pdf";

    /// <summary>Whether this build will publish PDFs, so pages link them only then.</summary>
    public static bool WillPrint(BuildOptions options) => !options.NoPdf && (UsesChromium(options) ? ChromiumLocator.Find(options.Chromium).Path is not null : TypstEngine.Find(options.PdfEngineDir).Folder is not null);

    private static bool UsesChromium(BuildOptions options) => string.Equals(options.PdfEngine, Chromium, StringComparison.OrdinalIgnoreCase);

    public void Run(BuildContext context)
    {
        var options = context.Options;
        if (options.NoPdf)
        {
            return;
        }

        if (!UsesChromium(options))
        {
            RunTypst(context);
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

    private static void RunTypst(BuildContext context)
    {
        var (folder, node, reason) = TypstEngine.Find(context.Options.PdfEngineDir);
        if (folder is null || node is null)
        {
            var severity = context.Options.RequirePdf ? Severity.Error : Severity.Info;
            context.Report(OutputRules.PdfSkipped.Report(SourceSpan.FileOnly("pdf-engine"), $"未生成 PDF：{reason}；获取 PDF：{TypstEngine.InstallHint}", $"PDFs skipped: {reason}; to get them, run {TypstEngine.InstallHint}", severity: severity));
            return;
        }

        var clock = Stopwatch.StartNew();
        var cache = PdfCache.In(context.CacheFolder);
        var jobs = TypstJobs.Plan(context, TypstEngine.Version(folder));
        var missing = CopyCached(context, cache, jobs, j => j.Key, j => j.SitePath);

        var pages = 0;
        try
        {
            TypstPrinter.Print(folder, node, missing, Parallel(), (job, pdf, count) =>
            {
                cache.Store(job.Key, pdf);
                context.Writer.WriteBytes(job.SitePath, pdf);
                Interlocked.Add(ref pages, count);
            });
        }
        catch (TypstException e)
        {
            context.Report(OutputRules.TypesetFailed.Report(SourceSpan.FileOnly(e.SitePath), $"PDF 排版失败：{e.Reason}", $"The PDF failed to typeset: {e.Reason}"));
            return;
        }

        cache.Prune(jobs.Select(j => j.Key).ToHashSet(StringComparer.Ordinal));
        LogPrinted(context, missing.Select(j => j.SitePath).ToList(), jobs.Count, pages, clock, cache);
    }

    /// <summary>Writes every job whose PDF the cache holds and returns the others, in order: the ones to print.</summary>
    private static List<TJob> CopyCached<TJob>(BuildContext context, PdfCache cache, IEnumerable<TJob> jobs, Func<TJob, string> key, Func<TJob, string> sitePath)
    {
        var missing = new List<TJob>();
        foreach (var job in jobs)
        {
            if (cache.Find(key(job)) is { } cached)
            {
                context.Writer.WriteBytes(sitePath(job), cached);
            }
            else
            {
                missing.Add(job);
            }
        }

        return missing;
    }

    /// <summary>The log lines of a PDF run, the same whatever the engine.</summary>
    private static void LogPrinted(BuildContext context, IReadOnlyList<string> printed, int jobs, int pages, Stopwatch clock, PdfCache cache)
    {
        foreach (var path in printed)
        {
            context.Log.WriteLine($"pdf: printed {path}");
        }

        context.Log.WriteLine($"pdf: printed {printed.Count} PDF(s), {pages} page(s), in {clock.ElapsedMilliseconds} ms; {jobs - printed.Count} unchanged, copied from {cache.Dir}");
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
            var missing = CopyCached(context, cache, jobs, j => j.Key, j => j.SitePath);

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
            LogPrinted(context, missing.Select(j => j.SitePath).ToList(), jobs.Count, pages, clock, cache);
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
