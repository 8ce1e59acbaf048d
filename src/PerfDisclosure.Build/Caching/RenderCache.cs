using System.Collections.Concurrent;
using System.Text;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Rendering;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// Rendered pages kept between builds under the cache folder (<c>render/</c>), keyed by their
/// <see cref="BuildFingerprints"/> — the page's view, the theme and the tool: a page whose template would be given
/// the same view is copied from the cache, not rendered. Entries no build used are removed when the build is saved,
/// so the cache holds one site's worth.
/// </summary>
public sealed class RenderCache
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly CacheFolder? cache;
    private readonly string? folder;
    private readonly BuildFingerprints? fingerprints;
    private readonly ConcurrentDictionary<string, byte> used = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> rendered = [];
    private int reused;

    private RenderCache(CacheFolder? cache, BuildFingerprints? fingerprints)
    {
        this.cache = cache;
        folder = cache?.PathOf("render");
        this.fingerprints = fingerprints;
    }

    /// <summary>No cache: everything is rendered.</summary>
    public static RenderCache None => new(null, null);

    /// <summary>Site-relative paths of the outputs rendered (not reused) in this build.</summary>
    public IReadOnlyCollection<string> Rendered => rendered;

    public int Reused => reused;

    /// <summary>Where each page written is counted, rendered or reused.</summary>
    public Reporting.BuildProgress Progress { get; set; } = Reporting.BuildProgress.Silent;

    public static RenderCache Open(CacheFolder cache, BuildFingerprints fingerprints) => new(cache, fingerprints);

    /// <summary>Writes the page at <paramref name="path"/>: from the cache when its view is unchanged, else rendered.</summary>
    /// <returns>The bytes written.</returns>
    public byte[] Write(SiteWriter writer, string path, PageView view, PageRenderer renderer)
    {
        Progress.Advance("pages");
        if (cache is null || folder is null || fingerprints is null)
        {
            rendered.Add(path);
            var page = Utf8.GetBytes(renderer.Render(view));
            writer.WriteBytes(path, page);
            return page;
        }

        var key = fingerprints.Of(path, view);
        var file = Path.Combine(folder, key[..2], key);
        used[key] = 0;
        if (cache.Read(file) is { } cached)
        {
            writer.WriteBytes(path, cached);
            Interlocked.Increment(ref reused);
            return cached;
        }

        var bytes = Utf8.GetBytes(renderer.Render(view));
        writer.WriteBytes(path, bytes);
        rendered.Add(path);
        cache.Write(file, bytes);
        return bytes;
    }

    /// <summary>After a successful build: forgets entries this build did not use.</summary>
    public void Prune()
    {
        if (cache is null || folder is null)
        {
            return;
        }

        cache.Try(() =>
        {
            if (!Directory.Exists(folder))
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
        });
    }
}
