using System.Security.Cryptography;
using System.Text;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// Printed PDFs by content hash, under the cache folder (<c>--cache</c>, <c>pdf/</c>), so a PDF whose form,
/// templates and styles are unchanged is copied instead of printed again. With <c>--no-cache</c> there is none
/// (<see cref="None"/>): every PDF is printed and none is kept.
/// </summary>
public sealed class PdfCache
{
    private readonly Caching.CacheFolder? cache;

    private PdfCache(Caching.CacheFolder? cache)
    {
        this.cache = cache;
        Dir = cache?.PathOf("pdf") ?? "(no cache)";
    }
    /// <summary>Bump when the printing itself changes (options, metadata), so old entries are not reused.</summary>
    private const string Version = "pdf-3";

    public string Dir { get; }

    /// <summary>No PDF cache (<c>--no-cache</c>).</summary>
    public static PdfCache None { get; } = new(null);

    /// <summary>The PDF cache in a build's cache folder, or <see cref="None"/>.</summary>
    public static PdfCache In(Caching.CacheFolder? cache) => cache is null ? None : new(cache);

    public static string Key(params object[] parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(Version));
        foreach (var part in parts)
        {
            var bytes = part as byte[] ?? Encoding.UTF8.GetBytes(part.ToString() ?? string.Empty);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public byte[]? Find(string key) => cache?.Read(PathOf(key));

    /// <summary>Stores a PDF as a checked cache entry (<see cref="Caching.CacheFile"/>); a cache that cannot be written is passed over.</summary>
    public void Store(string key, byte[] pdf) => cache?.Write(PathOf(key), pdf);

    /// <summary>Removes the entries this build did not use, so the cache holds one site's PDFs, not every version ever printed.</summary>
    public void Prune(IReadOnlySet<string> used) => cache?.Try(() =>
    {
        if (!Directory.Exists(Dir))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(Dir, "*.pdf"))
        {
            if (!used.Contains(Path.GetFileNameWithoutExtension(file)))
            {
                File.Delete(file);
            }
        }
    });

    private string PathOf(string key) => Path.Combine(Dir, key + ".pdf");
}
