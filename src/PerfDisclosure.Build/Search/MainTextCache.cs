using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The main text of pages seen by earlier builds, in the cache folder's <c>search/</c>, keyed by the SHA-256 of
/// the page's bytes: a page that did not change is not parsed again (parsing every page with AngleSharp was most
/// of a rebuild where nothing changed). The key is the page itself, so a stale entry cannot be used.
/// </summary>
public sealed class MainTextCache
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string? folder;
    private readonly ConcurrentDictionary<string, byte> used = new(StringComparer.Ordinal);

    private MainTextCache(string? folder) => this.folder = folder;

    /// <summary>A cache under <paramref name="cacheDir"/>, or none (every page parsed) when it is null.</summary>
    public static MainTextCache Open(string? cacheDir) => new(cacheDir is null ? null : Path.Combine(cacheDir, "search"));

    public string Extract(byte[] page)
    {
        if (folder is null)
        {
            return MainText.Extract(Utf8.GetString(page));
        }

        var key = Convert.ToHexStringLower(SHA256.HashData(page));
        used[key] = 0;
        var file = Path.Combine(folder, key[..2], key);
        if (Caching.CacheFile.Read(file) is { } cached)
        {
            return Utf8.GetString(cached);
        }

        var text = MainText.Extract(Utf8.GetString(page));
        Caching.CacheFile.Write(file, Utf8.GetBytes(text));
        return text;
    }

    /// <summary>Forgets entries this build did not use, so the cache holds one site's worth.</summary>
    public void Prune()
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Where(f => !used.ContainsKey(Path.GetFileName(f))))
        {
            File.Delete(file);
        }
    }
}
