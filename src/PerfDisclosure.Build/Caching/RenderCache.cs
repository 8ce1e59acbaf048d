using System.Collections.Concurrent;
using System.Text;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Site;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// Rendered outputs kept between builds in a folder outside the site (<c>.cache/</c>), keyed by their
/// <see cref="BuildFingerprints"/>: an output whose inputs did not change is copied from the cache, not rendered.
/// Entries no build used are removed when the build is saved, so the cache holds one site's worth.
/// </summary>
public sealed class RenderCache
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string? folder;
    private readonly BuildFingerprints? fingerprints;
    private readonly ConcurrentDictionary<string, byte> used = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> rendered = [];
    private int reused;

    private RenderCache(string? folder, BuildFingerprints? fingerprints)
    {
        this.folder = folder;
        this.fingerprints = fingerprints;
    }

    /// <summary>No cache: everything is rendered.</summary>
    public static RenderCache None => new(null, null);

    /// <summary>Site-relative paths of the outputs rendered (not reused) in this build.</summary>
    public IReadOnlyCollection<string> Rendered => rendered;

    public int Reused => reused;

    /// <summary>Where each page written is counted, rendered or reused.</summary>
    public Reporting.BuildProgress Progress { get; set; } = Reporting.BuildProgress.Silent;

    public static RenderCache Open(string cacheDir, BuildFingerprints fingerprints)
    {
        var folder = Path.Combine(cacheDir, "render");
        Directory.CreateDirectory(folder);
        return new RenderCache(folder, fingerprints);
    }

    /// <summary>
    /// Writes the output at <paramref name="path"/>: from the cache when the forms it shows are unchanged, else rendered.
    /// <paramref name="derived"/> names facts the page shows that are drawn from forms it does not list (e.g. the
    /// years of the search page's filter), so a page need not be keyed by every form to notice them change.
    /// </summary>
    /// <returns>The bytes written.</returns>
    public byte[] WriteText(SiteWriter writer, string path, IEnumerable<FormEntry> shown, Func<string> render, string derived = "")
    {
        Progress.Advance("pages");
        if (folder is null || fingerprints is null)
        {
            rendered.Add(path);
            var page = Utf8.GetBytes(render());
            writer.WriteBytes(path, page);
            return page;
        }

        var key = fingerprints.Of(path, shown, derived);
        var file = Path.Combine(folder, key[..2], key);
        used[key] = 0;
        if (CacheFile.Read(file) is { } cached)
        {
            writer.WriteBytes(path, cached);
            Interlocked.Increment(ref reused);
            return cached;
        }

        var bytes = Utf8.GetBytes(render());
        writer.WriteBytes(path, bytes);
        rendered.Add(path);
        CacheFile.Write(file, bytes);
        return bytes;
    }

    /// <summary>After a successful build: forgets entries this build did not use.</summary>
    public void Prune()
    {
        if (folder is null)
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (!used.ContainsKey(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
    }
}
