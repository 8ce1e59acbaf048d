using System.Diagnostics;
using PerfDisclosure.Build.Caching;
using PerfDisclosure.Build.Feeds;
using PerfDisclosure.Build.Loading;
using PerfDisclosure.Build.OpenData;
using PerfDisclosure.Build.Pdf;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Stages;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Build.Validation;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Validation.Rules.Input;

namespace PerfDisclosure.Build;

/// <summary>
/// The build pipeline: load → validate → site model → output stages → publish. Everything is written to a
/// staging folder first; site/ is replaced only when every stage succeeded.
/// </summary>
public sealed class SiteBuilder(BuildOptions options, TextWriter? log = null)
{
    private readonly List<(string, TimeSpan)> stages = [];
    private readonly TextWriter log = log ?? TextWriter.Null;
    private LoadedContent? loaded;
    private BuildStamp? stamp;

    /// <summary>Where stages report items done (pages, PDFs); silent unless the caller shows it.</summary>
    public Reporting.BuildProgress Progress { get; init; } = Reporting.BuildProgress.Silent;

    /// <summary>What a long-running process (<c>serve</c>) keeps of one build's parsing for the next; null in a one-off build.</summary>
    public ParseMemory? Memory { get; init; }

    /// <summary>What a long-running process keeps of one build's search index for the next; null in a one-off build.</summary>
    public Search.SearchMemory? SearchMemory { get; init; }

    /// <summary>What each render key gave in the last builds of this process (<c>serve</c>): outputs still published as they would be made are kept in place.</summary>
    public RenderMemory? RenderMemory { get; init; }

    /// <summary>What the last validation of this process found in each form (<c>serve</c>): unchanged forms are not checked again.</summary>
    public ValidationMemory? ValidationMemory { get; init; }

    /// <summary>
    /// When set (<c>serve</c>), a build that publishes file by file publishes twice: first everything but the
    /// site-wide downloads (<see cref="IDownloadStage"/>, the published ones kept as they are), then calls this with
    /// that result, so the open page reloads at once; then the downloads, published again. The site after the second
    /// publish is the one a single publish would give.
    /// </summary>
    public Action<BuildResult>? PagesPublished { get; init; }

    /// <summary>
    /// Cancelled when the downloads after the pages (<see cref="PagesPublished"/>) are no longer wanted: a newer save
    /// will make them again (<c>serve</c>). They stop between stages and between the items of the long ones (rows of
    /// the CSVs and the site workbook, organisation-year workbooks, forms joined into data/forms.json), nothing
    /// of them is published, the site keeps the downloads it had, and <see cref="DownloadsInterrupted"/> says so.
    /// </summary>
    public CancellationToken Interrupt { get; init; }

    /// <summary>Whether the last build's downloads were left for the next (<see cref="Interrupt"/>).</summary>
    public bool DownloadsInterrupted { get; private set; }

    /// <summary>The render cache of the last build: what was rendered and what was reused.</summary>
    public RenderCache Cache { get; private set; } = RenderCache.None;

    /// <summary>Form pages of the last build whose search terms were taken from the cache folder (<see cref="Search.CountedPages"/>), not counted again.</summary>
    public int SearchPagesRecalled { get; private set; }

    /// <summary>The output stages, in order. A new output is a new <see cref="IOutputStage"/> added here.</summary>
    public static IReadOnlyList<IOutputStage> OutputStages(BuildOptions options) =>
    [
        new PagesStage(),
        new Search.SearchStage(),
        new FormsJsonStage(),
        new SiteFormsJsonStage(),
        new AssetsStage(),
        new NotesStage(),
        new CsvTablesStage(),
        new WorkbookStage(),
        new DataPackageStage(),
        new CatalogStage(),
        new DataPageStage(),
        new NotFoundPageStage(),
        new AtomFeedStage(),
        new RobotsStage(),
        new PdfStage(),
        new SchemasStage(),
        new SitemapStage(), // last: lists the pages the stages above wrote
    ];

    /// <summary>Loads and validates without writing anything (the <c>check</c> command).</summary>
    public (LoadedContent Content, IReadOnlyList<Diagnostic> Diagnostics) Check()
    {
        var theme = new ThemeFiles(options.TemplatesDir);
        var content = Stage("load", () => ContentLoader.Load(options.ContentDir, theme, Memory));
        if (options.BaseUrl is { } baseUrl)
        {
            // --base-url replaces site.yaml's, so it passes the same test (PD0707), placed at the option; canonical
            // links, the feed, the sitemap and the open data are made from it.
            IReadOnlyList<Diagnostic> refused = SiteSettings.IsSafeBaseUrl(baseUrl) ? [] :
                [InputRules.UnsafeBaseUrl.Report(SourceSpan.FileOnly("--base-url"), SiteSettings.BaseUrlRuleZh, SiteSettings.BaseUrlRule, new("例如 --base-url https://budget.example.gov.cn/", "e.g. --base-url https://budget.example.gov.cn/"))];
            content = content with { Site = content.Site with { BaseUrl = baseUrl }, Diagnostics = [.. content.Diagnostics, .. refused] };
        }

        var diagnostics = Stage("validate", () => ContentValidator.Validate(content, theme, memory: ValidationMemory));
        (content, diagnostics) = Drafts.Apply(content, diagnostics, options.Drafts);

        // Read again for the pages that explain scores; validation has reported whatever is wrong with these files.
        content = content with { Scoring = ValidationDataReader.Read(theme, content.Layouts.Values, new DiagnosticBag()).Scoring };
        loaded = content;
        return (content, diagnostics);
    }

    public BuildResult Build()
    {
        // First: a folder that is not the tool's is refused before anything is read, and a site a killed build
        // left aside is put back even when this build then stops on a content error.
        var output = OutputFolder.Claim(options);
        // A long-running process (serve) uses the stamp for its first build only: it rebuilds when a file changed, and
        // proving that none did would read every content file on every rebuild. A later build finds that the stamp
        // no longer matches the site.
        stamp = Memory is not { IsEmpty: false } ? Stage("stamp", () => BuildStamp.For(options, new ThemeFiles(options.TemplatesDir))) : null;
        if (stamp?.Unchanged() is { } unchanged)
        {
            return unchanged with { Stages = stages };
        }

        var result = BuildSite(output);
        // A build whose downloads were left for the next is not the site of its content: no stamp says it is.
        if (result.Succeeded && !DownloadsInterrupted && loaded is not null && stamp?.Describes(loaded) == true)
        {
            stamp.Save(result);
        }

        return result;
    }

    private BuildResult BuildSite(OutputFolder output)
    {
        var (content, diagnostics) = Check();
        stamp?.Decide(content); // decided now, so the stamp's table of hashes is not held while the site is made
        if (diagnostics.Any(d => d.IsError || (options.Strict && d.Severity == Severity.Warning && !d.Draft)))
        {
            return new BuildResult(false, diagnostics, 0, 0, stages);
        }

        var theme = new ThemeFiles(options.TemplatesDir);
        var site = SiteModel.Build(content, diagnostics);
        var staging = output.CreateStaging();
        var writer = new SiteWriter(staging, output.Published(options));

        try
        {
            var caches = options.CacheDir is null ? null : CacheFolder.Open(options.CacheDir);
            // The spill beside the staging folder, named like it, so a killed build's spill is cleaned up with its staging
            // folder; a new process counts again only the pages the cache folder's last build did not (serve remembers them).
            using var search = options.Shard is null
                ? new Search.SearchCollector(site, writer, staging + ".index", SearchMemory, SearchMemory is null && caches is not null ? Search.CountedPages.Open(caches) : null)
                : null;
            var templates = new TemplateEngine(theme, options.Strict);
            Cache = caches is null ? RenderCache.None : RenderCache.Open(caches, new BuildFingerprints(theme, options.Strict), RenderMemory);
            Cache.Progress = Progress;
            var context = new BuildContext(options, site, theme, templates, new PageRenderer(templates, site, PdfStage.WillPrint(options)), writer, log) { Cache = Cache, CacheFolder = caches, Search = search };
            // The downloads after a first publish only where that publish is file by file: a whole-folder publish
            // would replace the site with the downloads alone.
            var plan = Sharding.ShardPlan.Stages(OutputStages(options), options).ToList();
            var later = PagesPublished is not null && writer.Previous is not null && options.Shard is null && options.MergeFrom is null
                ? plan.OfType<IDownloadStage>().ToList<IOutputStage>()
                : [];
            foreach (var stage in plan.Except(later))
            {
                Stage(stage.Name, () => stage.Run(context));
            }

            if (context.Findings.Any(d => d.IsError))
            {
                OutputFolder.Discard(staging);
                return new BuildResult(false, [.. diagnostics, .. context.Findings], 0, 0, stages);
            }

            if (later.Count > 0)
            {
                writer.KeepPublished();
                Publish(output, writer, "publish pages");
                PagesPublished!(new BuildResult(true, [.. diagnostics, .. context.Findings], site.Forms.Count, writer.Written.Count, [.. stages]));
                staging = output.CreateStaging();
                writer = SiteWriter.After(writer, staging, output.Published(options) ?? throw new InvalidOperationException("a file-by-file publish left no manifest"));
                context = context with { Writer = writer, Interrupt = Interrupt };
                try
                {
                    foreach (var stage in later)
                    {
                        Interrupt.ThrowIfCancellationRequested();
                        Stage(stage.Name, () => stage.Run(context));
                    }
                }
                catch (Exception e) when (Interrupt.IsCancellationRequested && e is OperationCanceledException or AggregateException)
                {
                    // The pages are published and stay; the downloads are the last build's until the next one.
                    OutputFolder.Discard(staging);
                    Cache.Interrupted();
                    DownloadsInterrupted = true;
                    return new BuildResult(true, [.. diagnostics, .. context.Findings], site.Forms.Count, writer.Written.Count, stages);
                }

                if (context.Findings.Any(d => d.IsError))
                {
                    OutputFolder.Discard(staging);
                    return new BuildResult(false, [.. diagnostics, .. context.Findings], 0, 0, stages);
                }
            }

            var all = diagnostics.Concat(context.Findings).ToList();
            Publish(output, writer);
            Cache.Prune();
            SearchPagesRecalled = search?.Recalled ?? 0;
            Progress.Finish();
            if (caches?.Warning() is { } unwritable)
            {
                all.Add(unwritable); // a cache only saves time: the site is published without it
            }

            return new BuildResult(true, all, site.Forms.Count, writer.Written.Count, stages);
        }
        catch (TemplateError e)
        {
            OutputFolder.Discard(staging);
            return new BuildResult(false, [.. diagnostics, e.Diagnostic], 0, 0, stages);
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.Any(i => i is TemplateError))
        {
            // A template error inside a parallel stage arrives wrapped, once per page that hit it: report each
            // place in the templates once, naming the first page (in id order, so the report is stable).
            OutputFolder.Discard(staging);
            var errors = e.Flatten().InnerExceptions.OfType<TemplateError>().Select(t => t.Diagnostic)
                .GroupBy(d => (d.Code, d.Where))
                .Select(g => g.OrderBy(d => d.MessageEn, StringComparer.Ordinal).First());
            return new BuildResult(false, [.. diagnostics, .. errors], 0, 0, stages);
        }
        catch
        {
            OutputFolder.Discard(staging);
            throw;
        }
    }

    private void Publish(OutputFolder output, SiteWriter writer, string name = "publish") => Stage(name, () =>
    {
        // Process CPU, not wall time, so the figure means something on a loaded machine (docs/benchmarks.md).
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var counts = output.Publish(writer);
        log.WriteLine($"publish: {counts}; {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds:0} ms CPU");
    });

    /// <summary>PERFDISCLOSURE_MEMORY=1: each stage prints the heap still held after it (a full collection) and the peak working set.</summary>
    private static bool MeasuresMemory { get; } = Environment.GetEnvironmentVariable("PERFDISCLOSURE_MEMORY") == "1";

    private T Stage<T>(string name, Func<T> run)
    {
        var clock = Stopwatch.StartNew();
        var result = run();
        stages.Add((name, clock.Elapsed));
        log.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds:0} ms");
        if (MeasuresMemory)
        {
            // For the memory benchmark (docs/benchmarks.md): what is still held after the stage, and the peak so far.
            var live = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            Console.Error.WriteLine($"memory after {name}: {live >> 20} MiB live, {process.PeakWorkingSet64 >> 20} MiB peak working set");
        }

        return result;
    }

    private void Stage(string name, Action run) => Stage<object?>(name, () =>
    {
        run();
        return null;
    });
}
