using System.Security.Cryptography;
using System.Text;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// Printed PDFs by content hash, outside the site (<c>.cache/pdf/</c> beside the output folder), so a PDF whose form,
/// templates and styles are unchanged is copied instead of printed again.
/// </summary>
public sealed class PdfCache(string dir)
{
    /// <summary>Bump when the printing itself changes (options, metadata), so old entries are not reused.</summary>
    private const string Version = "pdf-3";

    public string Dir { get; } = dir;

    /// <summary>The cache beside an output folder: <c>site</c> → <c>.cache/pdf</c>.</summary>
    public static PdfCache Beside(string outputDir)
    {
        var output = Path.GetFullPath(outputDir).TrimEnd(Path.DirectorySeparatorChar);
        return new PdfCache(Path.Combine(Path.GetDirectoryName(output)!, ".cache", "pdf"));
    }

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

    public byte[]? Find(string key)
    {
        return Caching.CacheFile.Read(PathOf(key));
    }

    /// <summary>Stores a PDF as a checked cache entry (<see cref="Caching.CacheFile"/>).</summary>
    public void Store(string key, byte[] pdf)
    {
        Caching.CacheFile.Write(PathOf(key), pdf);
    }

    /// <summary>Removes the entries this build did not use, so the cache holds one site's PDFs, not every version ever printed.</summary>
    public void Prune(IReadOnlySet<string> used)
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
    }

    private string PathOf(string key) => Path.Combine(Dir, key + ".pdf");
}
