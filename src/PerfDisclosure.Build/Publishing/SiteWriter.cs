using System.Text;

namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// Writes the files of one build into a staging folder. Every path is checked to stay inside it, and two
/// writes to the same path are an error, never an overwrite.
/// </summary>
public sealed class SiteWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly HashSet<string> written = new(StringComparer.OrdinalIgnoreCase);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<string>> folders = new(StringComparer.Ordinal);

    public SiteWriter(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Site-relative paths written so far, in no particular order.</summary>
    public IReadOnlyCollection<string> Written
    {
        get
        {
            lock (written)
            {
                return [.. written];
            }
        }
    }

    public void WriteText(string relativePath, string text) => WriteBytes(relativePath, Utf8.GetBytes(text));

    /// <returns>The file's full path.</returns>
    public string WriteBytes(string relativePath, ReadOnlySpan<byte> bytes)
    {
        // The whole file at once: no stream buffer to fill and copy (tens of thousands of files in a large site).
        var path = Folder(Resolve(relativePath));
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        RandomAccess.Write(file, bytes, 0);
        return path;
    }

    /// <summary>
    /// Puts <paramref name="bytes"/> at a site-relative path as a hard link to <paramref name="existing"/>, a file
    /// holding those bytes (a render cache entry): no second copy is written. Where no link can be made (another
    /// file system, one without links) the bytes are written instead.
    /// </summary>
    public void WriteLinked(string relativePath, string existing, ReadOnlySpan<byte> bytes)
    {
        var path = Folder(Resolve(relativePath));
        try
        {
            HardLink.Create(path, existing);
        }
        catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && !File.Exists(path))
        {
            using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(file, bytes, 0);
        }
    }

    /// <summary>A new file at a site-relative path, for outputs written as streams.</summary>
    public FileStream Create(string relativePath) =>
        new(Folder(Resolve(relativePath)), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 14);

    /// <summary>Creates the folder of <paramref name="file"/> unless this writer made it already; returns the file.</summary>
    private string Folder(string file)
    {
        // Lazy: a thread that finds the folder being made by another waits until it exists.
        _ = folders.GetOrAdd(Path.GetDirectoryName(file)!, folder => new(() => Directory.CreateDirectory(folder).FullName)).Value;
        return file;
    }

    /// <summary>The full path for a site-relative path; throws when it would leave the site or was written before.</summary>
    public string Resolve(string relativePath)
    {
        var normal = relativePath.Replace('\\', '/');
        if (normal.Length == 0 || normal.StartsWith('/') || normal.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new OutputPathException($"refusing to write outside the site: '{relativePath}'");
        }

        var full = Path.GetFullPath(Path.Combine(Root, normal));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new OutputPathException($"refusing to write outside the site: '{relativePath}'");
        }

        lock (written)
        {
            if (!written.Add(normal))
            {
                throw new OutputPathException($"two outputs would write the same file: '{normal}'");
            }
        }

        return full;
    }
}
