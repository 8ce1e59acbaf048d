using System.Diagnostics;
using System.Text.RegularExpressions;
using PerfDisclosure.Build;
using PerfDisclosure.Build.Caching;

namespace PerfDisclosure.Bench;

/// <summary>
/// The rebuilds <c>serve</c> makes, in one process and without the server, for profiling (docs/authoring.md): builds
/// the content, then saves one form with a new project name and builds again, keeping the parse and search memories from build to
/// build and publishing the pages before the downloads, as serve does, HTML only. Each build's line gives its wall time and every stage's, as serve's log does.
/// </summary>
public static partial class Rebuilds
{
    /// <summary>Runs <paramref name="count"/> rebuilds after the first build; changes the first form of <paramref name="content"/> in place.</summary>
    public static void Run(string content, string templates, string work, int count, TextWriter log)
    {
        var (memory, searched, validated, rendered) = (new ParseMemory(), new PerfDisclosure.Build.Search.SearchMemory(), new PerfDisclosure.Build.Validation.ValidationMemory(), new RenderMemory());
        var options = new BuildOptions(content, templates, Path.Combine(work, "site"), NoPdf: true, CacheDir: Path.Combine(work, ".cache"), Drafts: true);
        var form = Directory.EnumerateFiles(Path.Combine(content, "forms"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        for (var run = 0; run <= count; run++)
        {
            if (run > 0)
            {
                // A name no earlier run wrote: an unchanged file would be a "nothing changed" build, not a rebuild.
                File.WriteAllText(form, ProjectName().Replace(File.ReadAllText(form), $"project_name: 基准测试第{run}次保存{Guid.NewGuid():N}", 1));
            }

            var clock = Stopwatch.StartNew();
            long? pages = null;
            var result = new SiteBuilder(options, TextWriter.Null) { Memory = memory, SearchMemory = searched, ValidationMemory = validated, RenderMemory = rendered, PagesPublished = _ => pages = clock.ElapsedMilliseconds }.Build();
            var stages = string.Join(", ", result.Stages.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:0}"));
            var reload = pages is { } at ? $"pages published at {at} ms, " : string.Empty;
            log.WriteLine($"{(run == 0 ? "build" : $"rebuild {run}")}: {reload}{clock.ElapsedMilliseconds} ms, {(result.Succeeded ? "succeeded" : "failed")} ({stages} ms)");
        }
    }

    [GeneratedRegex("^project_name:.*$", RegexOptions.Multiline)]
    private static partial Regex ProjectName();
}
