using System.Collections.Concurrent;
using System.Diagnostics;
using PerfDisclosure.Build.Stages;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Outputs;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// A PDF per form and a compilation per organisation and year (docs/pdf.md), typeset by Typst from the same view as
/// the form's page (<see cref="TypstJobs"/>, <see cref="TypstPrinter"/>). PDFs already in the cache are copied, the
/// rest typeset. Without the engine the site is built without PDFs (one line says how to get them) unless --require-pdf.
/// </summary>
public sealed class PdfStage : IOutputStage
{
    public string Name => "pdf";

    /// <summary>Whether this build will publish PDFs, so pages link them only then.</summary>
    public static bool WillPrint(BuildOptions options) => !options.NoPdf && TypstEngine.Find(options.PdfEngineDir).Folder is not null;

    public void Run(BuildContext context)
    {
        if (!context.Options.NoPdf)
        {
            Typeset(context);
        }
    }

    private static void Typeset(BuildContext context)
    {
        var (folder, node, reason) = TypstEngine.Find(context.Options.PdfEngineDir);
        if (folder is null || node is null)
        {
            var severity = context.Options.RequirePdf ? Severity.Error : Severity.Info;
            context.Report(OutputRules.PdfSkipped.Report(SourceSpan.FileOnly("pdf-engine"), $"未生成 PDF：没有找到可用的 PDF 引擎{OriginalText.InChinese(reason)}；要生成 PDF，请运行 {TypstEngine.InstallHint}", $"PDFs skipped: {reason}; to get them, run {TypstEngine.InstallHint}", severity: severity));
            return;
        }

        var clock = Stopwatch.StartNew();
        var cache = PdfCache.In(context.CacheFolder);
        var fonts = FontCoverage.Of(FontCoverage.FontFiles(folder));
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var printed = new ConcurrentQueue<string>();
        var pages = 0;
        try
        {
            var jobs = TypstJobs.Plan(context, TypstEngine.Version(folder), fonts);
            TypstPrinter.Print(folder, node, Missing(context, cache, jobs, keys), Parallel(), (job, pdf, count) =>
            {
                cache.Store(job.Key, pdf);
                context.Writer.WriteBytes(job.SitePath, pdf);
                printed.Enqueue(job.SitePath);
                Interlocked.Add(ref pages, count);
            });
        }
        catch (TypstException e)
        {
            context.Report(OutputRules.TypesetFailed.Report(SourceSpan.FileOnly(e.SitePath), $"PDF 排版失败：请检查这张表中过长或特殊的内容，或把下面的原文报告给网站维护人员{OriginalText.InChinese(e.Reason)}", $"The PDF failed to typeset: {e.Reason}"));
            return;
        }

        cache.Prune(keys);
        LogPrinted(context, [.. printed.Order(StringComparer.Ordinal)], keys.Count, pages, clock, cache);
    }

    /// <summary>
    /// Writes every job whose PDF the cache holds, as the jobs are made, and passes on the others: the ones to print.
    /// Every job's key goes in <paramref name="keys"/>, what the cache is pruned to.
    /// </summary>
    private static IEnumerable<TypstJob> Missing(BuildContext context, PdfCache cache, IEnumerable<TypstJob> jobs, HashSet<string> keys)
    {
        foreach (var job in jobs)
        {
            keys.Add(job.Key);
            if (cache.Find(job.Key) is { } cached)
            {
                context.Writer.WriteBytes(job.SitePath, cached);
            }
            else
            {
                yield return job;
            }
        }
    }

    /// <summary>The log lines of a PDF run: each PDF typeset, then one line of counts and time.</summary>
    private static void LogPrinted(BuildContext context, IReadOnlyList<string> printed, int jobs, int pages, Stopwatch clock, PdfCache cache)
    {
        foreach (var path in printed)
        {
            context.Log.WriteLine($"pdf: printed {path}");
        }

        context.Log.WriteLine($"pdf: printed {printed.Count} PDF(s), {pages} page(s), in {clock.ElapsedMilliseconds} ms; {jobs - printed.Count} unchanged, copied from {cache.Dir}");
    }

    /// <summary>Pages printing at once: one per core, or $PERFDISCLOSURE_PDF_PAGES (for bench/pdf.sh).</summary>
    private static int Parallel() =>
        int.TryParse(Environment.GetEnvironmentVariable("PERFDISCLOSURE_PDF_PAGES"), out var pages) && pages > 0 ? pages : Environment.ProcessorCount;
}
