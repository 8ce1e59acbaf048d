using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PerfDisclosure.Build.Publishing;
using PerfDisclosure.Build.Rendering;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// Rendered pages kept between builds under the cache folder (<c>render/</c>), keyed by their
/// <see cref="BuildFingerprints"/> — the page's view, the theme and the tool: a page whose template would be given
/// the same view is taken from the cache, not rendered. An entry is a hard link to the page file the build wrote
/// (no second copy), and a reused page is a hard link to the entry; <see cref="IndexName"/> holds each entry's
/// SHA-256, so an entry whose bytes changed (its page edited in a published site) is never trusted. It also holds
/// each entry's hash as the site manifest keeps it and its length: an output the published site still holds at its
/// path (its manifest entry, size and time unchanged) is kept there without its entry being read or hashed, by a new
/// process as by <c>serve</c>. Entries no build used are removed when the build is saved, so the cache holds one
/// site's worth. Outputs other than pages made from a value alone (the organisation-year workbooks) are kept the
/// same way, keyed by that value.
/// </summary>
public sealed class RenderCache
{
    /// <summary>
    /// The file beside <c>render/</c> naming each entry's SHA-256: one line per entry of its key, that SHA-256, and
    /// the bytes' manifest hash (<see cref="SiteWriter.HashOf"/>) and length (an index of two columns, from an earlier
    /// version, is read too: its outputs are then read once to be kept).
    /// </summary>
    public const string IndexName = "render.index";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly CacheFolder? cache;
    private readonly string? folder;
    private readonly BuildFingerprints? fingerprints;
    private readonly RenderMemory? memory;
    // Keys and hashes as 32-byte values, not 64-character strings: two entries per page held through the build.
    private readonly Dictionary<Sha256Value, Entry> index;
    private readonly ConcurrentDictionary<Sha256Value, Entry> used;
    private readonly ConcurrentBag<string> rendered = [];
    private readonly ConcurrentBag<string> made = [];
    private int reused;

    private RenderCache(CacheFolder? cache, BuildFingerprints? fingerprints, RenderMemory? memory)
    {
        this.cache = cache;
        folder = cache?.PathOf("render");
        this.fingerprints = fingerprints;
        this.memory = cache is null ? null : memory;
        this.memory?.Begin();
        index = cache is null ? [] : ReadIndex(cache.PathOf(IndexName));
        used = new(Environment.ProcessorCount, Math.Max(31, index.Count)); // a build uses about what the last one did
    }

    /// <summary>An entry's SHA-256, and its bytes' manifest hash and length (-1: not known).</summary>
    private readonly record struct Entry(Sha256Value Sha256, UInt128 Hash, long Length);

    /// <summary>No cache: everything is rendered.</summary>
    public static RenderCache None => new(null, null, null);

    /// <summary>Site-relative paths of the outputs rendered (not reused) in this build.</summary>
    public IReadOnlyCollection<string> Rendered => rendered;

    public int Reused => reused;

    /// <summary>Where each page written is counted, rendered or reused.</summary>
    public Reporting.BuildProgress Progress { get; set; } = Reporting.BuildProgress.Silent;

    /// <param name="memory">What each key gave in the last builds of this process (<c>serve</c>): an output the published site still holds is kept without reading its entry.</param>
    public static RenderCache Open(CacheFolder cache, BuildFingerprints fingerprints, RenderMemory? memory = null) => new(cache, fingerprints, memory);

    /// <summary>Writes the page at <paramref name="path"/>: from the cache when its view is unchanged, else rendered.</summary>
    /// <returns>The bytes written.</returns>
    public PageBytes Write(SiteWriter writer, string path, PageView view, PageRenderer renderer)
    {
        Progress.Advance("pages");
        var (bytes, made) = Write(writer, path, fingerprints?.Of(path, view), () => Utf8.GetBytes(renderer.Render(view)));
        Count(path, made);
        return bytes;
    }

    private void Count(string path, bool made)
    {
        if (made)
        {
            rendered.Add(path);
        }
        else
        {
            Interlocked.Increment(ref reused);
        }
    }

    /// <summary>Whether outputs are kept between builds (a cache folder is open): only then is it worth making keys.</summary>
    public bool Keeps => cache is not null && fingerprints is not null;

    /// <summary>
    /// Writes a page keyed by what it is made of (<paramref name="inputs"/>: a form's <see cref="FormPageInputs"/>, a
    /// listing page's <see cref="ListingInputs"/>), not by its view: the view is built only when the page is rendered.
    /// Without inputs (a form the loader did not hash) it is keyed by its view.
    /// </summary>
    public PageBytes Write(SiteWriter writer, string path, object? inputs, Func<PageView> view, PageRenderer renderer)
    {
        if (inputs is null || fingerprints is null)
        {
            return Write(writer, path, view(), renderer);
        }

        Progress.Advance("pages");
        var (bytes, made) = Write(writer, path, fingerprints.Of(path, inputs), () => Utf8.GetBytes(renderer.Render(view())));
        Count(path, made);
        return bytes;
    }

    /// <summary>
    /// Writes an output that is not a page (an organisation-year workbook): from the cache when what it is made of
    /// (<paramref name="inputs"/>, hashed as a view is) is unchanged, else made by <paramref name="make"/>.
    /// </summary>
    public void Write(SiteWriter writer, string path, object inputs, Func<byte[]> make)
    {
        if (Write(writer, path, fingerprints?.Of(path, inputs), make).Made)
        {
            made.Add(path);
        }
    }

    /// <summary>Site-relative paths of the outputs other than pages made (not reused) in this build.</summary>
    public IReadOnlyCollection<string> Made => made;

    private (PageBytes Bytes, bool Made) Write(SiteWriter writer, string path, string? key, Func<byte[]> make)
    {
        if (cache is null || folder is null || key is null)
        {
            var page = make();
            writer.WriteBytes(path, page);
            return (PageBytes.Of(page), true);
        }

        var file = Path.Combine(folder, key[..2], key);
        var entry = Sha256Value.TryParse(key, out var value) ? value : throw new InvalidOperationException($"a render key is not a SHA-256: {key}");
        if (index.TryGetValue(entry, out var indexed))
        {
            // The key's bytes as the index (or, in serve, an earlier build of this process) knows them, still published where they go.
            var known = memory?.Recall(entry) ?? (indexed.Length >= 0 ? new RenderMemory.Output(indexed.Hash, indexed.Length) : null);
            if (known is { } output && writer.KeepUnchanged(path, output.Hash, output.Length))
            {
                used[entry] = indexed with { Hash = output.Hash, Length = output.Length };
                memory?.Keep(entry, output, inPlace: true);
                return (PageBytes.Published(output.Hash, writer.Locate(path)), false);
            }

            if (cache.ReadLinked(file, indexed.Sha256.ToBytes()) is { } cached)
            {
                writer.WriteLinked(path, file, cached);
                used[entry] = Remember(entry, cached, indexed.Sha256);
                return (PageBytes.Of(cached), false);
            }
        }

        var bytes = make();
        var written = writer.WriteBytes(path, bytes);
        cache.Link(file, written, bytes);
        used[entry] = Remember(entry, bytes, Sha256Value.Of(SHA256.HashData(bytes)));
        return (PageBytes.Of(bytes), true);
    }

    /// <summary>The index entry of <paramref name="bytes"/>, kept in the memory too.</summary>
    private Entry Remember(Sha256Value key, byte[] bytes, Sha256Value sha256)
    {
        var entry = new Entry(sha256, SiteWriter.HashOf(bytes), bytes.Length);
        memory?.Keep(key, new(entry.Hash, entry.Length), inPlace: false);
        return entry;
    }

    /// <summary>
    /// After a build whose downloads were interrupted (<see cref="SiteBuilder.Interrupt"/>): nothing is forgotten, as
    /// the downloads it did not reach still need their entries; the memory keeps what the pages used.
    /// </summary>
    public void Interrupted() => memory?.End();

    /// <summary>After a successful build: forgets entries this build did not use.</summary>
    public void Prune()
    {
        if (cache is null || folder is null)
        {
            return;
        }

        memory?.End();

        cache.Try(() =>
        {
            if (!Directory.Exists(folder))
            {
                return;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (!Sha256Value.TryParse(Path.GetFileName(file), out var entry) || !used.ContainsKey(entry))
                {
                    File.Delete(file);
                }
            }

            // Written a buffer at a time: at 100,000 forms the index is 42 MB, which as one text cost 200 MB mid-build.
            var saved = cache.PathOf(IndexName);
            using (var text = new StreamWriter(saved + ".tmp", append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16))
            {
                foreach (var (key, entry) in used.OrderBy(e => e.Key))
                {
                    text.Write(key.ToString());
                    text.Write(' ');
                    text.Write(entry.Sha256.ToString());
                    if (entry.Length >= 0)
                    {
                        text.Write(' ');
                        text.Write(entry.Hash.ToString("x32", CultureInfo.InvariantCulture));
                        text.Write(' ');
                        text.Write(entry.Length.ToString(CultureInfo.InvariantCulture));
                    }

                    text.Write('\n');
                }
            }

            File.Move(saved + ".tmp", saved, overwrite: true);
        });
    }

    /// <summary>The entries' hashes as the last build saved them; none when there is no index or it cannot be read (every page is then rendered).</summary>
    private static Dictionary<Sha256Value, Entry> ReadIndex(string file)
    {
        var entries = new Dictionary<Sha256Value, Entry>();
        try
        {
            foreach (var line in File.ReadLines(file))
            {
                var fields = line.Split(' ');
                if (fields is [var key, var sha256, ..] && Sha256Value.TryParse(key, out var entry) && Sha256Value.TryParse(sha256, out var value))
                {
                    entries[entry] = fields is [_, _, var hash, var length]
                        && UInt128.TryParse(hash, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var manifestHash)
                        && long.TryParse(length, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
                        ? new Entry(value, manifestHash, bytes)
                        : new Entry(value, 0, -1);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            entries.Clear();
        }

        return entries;
    }
}
