using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Stages;

/// <summary>What an output stage works with: the site model, the theme, the renderer and the staging writer.</summary>
public sealed record BuildContext(
    BuildOptions Options,
    SiteModel Site,
    ThemeFiles Theme,
    TemplateEngine Templates,
    PageRenderer Renderer,
    SiteWriter Writer,
    TextWriter Log)
{
    private readonly List<Diagnostic> findings = [];

    /// <summary>Outputs kept from earlier builds; a stage that renders asks it first (<see cref="Caching.RenderCache"/>).</summary>
    public Caching.RenderCache Cache { get; init; } = Caching.RenderCache.None;

    /// <summary>The <c>--cache</c> folder the render and PDF caches share; null with <c>--no-cache</c>.</summary>
    public Caching.CacheFolder? CacheFolder { get; init; }

    /// <summary>The search index, fed by the pages stage as it writes each form page; null in a shard build (merge indexes).</summary>
    public Search.SearchCollector? Search { get; init; }

    /// <summary>Cancelled when a newer change makes this build's downloads unwanted (<see cref="SiteBuilder.Interrupt"/>); a long stage checks it between items.</summary>
    public CancellationToken Interrupt { get; init; }

    /// <summary>Counts items done for the progress display: <c>context.Progress.Advance("pdfs")</c>.</summary>
    public Reporting.BuildProgress Progress => Cache.Progress;

    /// <summary>Diagnostics a stage reports without stopping the build (e.g. PDFs skipped).</summary>
    public IReadOnlyList<Diagnostic> Findings
    {
        get
        {
            lock (findings)
            {
                return [.. findings, .. Search?.Findings ?? []];
            }
        }
    }

    public void Report(Diagnostic diagnostic)
    {
        lock (findings)
        {
            findings.Add(diagnostic);
        }
    }
}
