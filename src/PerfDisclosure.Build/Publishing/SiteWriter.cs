using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Text;

namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// Writes the files of one build into a staging folder. Every path is checked to stay inside it, and two
/// writes to the same path are an error, never an overwrite. Every file is recorded with its hash in the new site's
/// <see cref="Manifest"/>; when the build publishes file by file (<see cref="Previous"/> is the site in place), a
/// file the published site already holds with the same bytes is not created in staging at all
/// (<see cref="Staged"/> lists those that were), and <see cref="Locate"/> finds either copy for a stage that reads
/// back what was written.
/// </summary>
public sealed class SiteWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly HashSet<string> written = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<string>> folders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SiteManifest.Entry> entries;
    private readonly ConcurrentDictionary<string, byte> staged = new(StringComparer.Ordinal);

    public SiteWriter(string root, PublishedSite? previous = null)
    {
        Root = Path.GetFullPath(root);
        Previous = previous;
        // As large as the site it replaces: tens of thousands of entries added by every core would grow it many times.
        entries = new(Environment.ProcessorCount, Math.Max(31, previous?.Manifest.Files.Count ?? 0), StringComparer.Ordinal);
        Directory.CreateDirectory(Root);
    }

    /// <summary>
    /// A writer for the second publish of a build (the downloads <c>serve</c> makes after the pages): it holds every
    /// file <paramref name="first"/> wrote, as <paramref name="published"/> now has them, and writes the rest.
    /// </summary>
    public static SiteWriter After(SiteWriter first, string root, PublishedSite published)
    {
        var writer = new SiteWriter(root, published);
        foreach (var path in first.Written)
        {
            writer.written.Add(path);
            writer.entries[path] = published.Manifest.Files[path];
        }

        return writer;
    }

    public string Root { get; }

    /// <summary>The published site this build compares its files with; null for a build that publishes the whole folder.</summary>
    public PublishedSite? Previous { get; }

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

    /// <summary>Site-relative paths of the files put into staging (new or changed), in no particular order.</summary>
    public IReadOnlyCollection<string> Staged => [.. staged.Keys];

    /// <summary>Every file of the new site with its hash, the unchanged ones included.</summary>
    public SiteManifest Manifest => new(new Dictionary<string, SiteManifest.Entry>(entries, StringComparer.Ordinal));

    public void WriteText(string relativePath, string text) => WriteBytes(relativePath, Utf8.GetBytes(text));

    /// <returns>The full path of a file holding the bytes: in staging, or in the published site when unchanged.</returns>
    public string WriteBytes(string relativePath, ReadOnlySpan<byte> bytes)
    {
        var (normal, full) = Claim(relativePath);
        var hash = Hash(bytes);
        if (Unchanged(normal, hash, bytes.Length) is { } published)
        {
            return published;
        }

        // The whole file at once: no stream buffer to fill and copy (tens of thousands of files in a large site).
        using (var file = File.OpenHandle(Folder(full), FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            RandomAccess.Write(file, bytes, 0);
        }

        RecordStaged(normal, hash, bytes.Length, full);
        return full;
    }

    /// <summary>
    /// Puts <paramref name="bytes"/> at a site-relative path as a hard link to <paramref name="existing"/>, a file
    /// holding those bytes (a render cache entry): no second copy is written. Where no link can be made (another
    /// file system, one without links) the bytes are written instead.
    /// </summary>
    public void WriteLinked(string relativePath, string existing, ReadOnlySpan<byte> bytes)
    {
        var (normal, full) = Claim(relativePath);
        var hash = Hash(bytes);
        if (Unchanged(normal, hash, bytes.Length) is not null)
        {
            return;
        }

        var path = Folder(full);
        try
        {
            HardLink.Create(path, existing);
        }
        catch (Exception e) when ((e is IOException or UnauthorizedAccessException) && !File.Exists(path))
        {
            using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(file, bytes, 0);
        }

        RecordStaged(normal, hash, bytes.Length, path);
    }

    /// <summary>
    /// Records the published file at a site-relative path as this build's when it holds exactly the bytes an earlier
    /// build of this process wrote there (<paramref name="hash"/>, <see cref="HashOf"/>, and length), so they are not
    /// made, read or hashed again. False, with nothing recorded, when there is no published site or its file differs:
    /// then the caller writes the bytes.
    /// </summary>
    public bool KeepUnchanged(string relativePath, UInt128 hash, long length)
    {
        var (normal, _) = Inside(relativePath);
        if (Previous?.Holds(normal, hash, length) is not { } entry)
        {
            return false;
        }

        Register(normal);
        entries[normal] = entry;
        return true;
    }

    /// <summary>The hash the manifest keeps of a file's bytes.</summary>
    public static UInt128 HashOf(ReadOnlySpan<byte> bytes) => Hash(bytes);

    /// <summary>A new file at a site-relative path, for outputs written as streams; it is published when disposed.</summary>
    public Stream Create(string relativePath)
    {
        var (normal, full) = Claim(relativePath);
        return new StagedStream(this, normal, full);
    }

    /// <summary>
    /// A new file at a site-relative path that <paramref name="write"/> may seek in (a zip archive goes back to put each
    /// entry's sizes in its header, and on a stream it cannot seek in it writes other bytes): made in staging, then
    /// read back once to hash it. A large download is so written without being held in memory; one the published
    /// site holds as it is made is kept there.
    /// </summary>
    public void WriteSeekable(string relativePath, Action<Stream> write)
    {
        var (normal, full) = Claim(relativePath);
        var path = Folder(full);
        UInt128 hash;
        long length;
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
        {
            write(file);
            file.Flush();
            length = file.Length;
            file.Position = 0;
            var digest = new XxHash128();
            digest.Append(file);
            hash = Hash(digest.GetCurrentHash());
        }

        Settle(normal, path, hash, length);
    }

    /// <summary>
    /// Keeps each published file this writer did not write as it is: the new manifest names it, so the publish leaves it
    /// in place. For <c>serve</c>'s first publish, made before the downloads: the next publish removes what no stage wrote.
    /// </summary>
    public void KeepPublished()
    {
        if (Previous is not { } previous)
        {
            return;
        }

        lock (written)
        {
            foreach (var (path, entry) in previous.Manifest.Files)
            {
                if (!written.Contains(path))
                {
                    entries.TryAdd(path, entry);
                }
            }
        }
    }

    /// <summary>The full path of a file this build wrote: in staging, or in the published site when it was unchanged.</summary>
    public string Locate(string relativePath)
    {
        var normal = relativePath.Replace('\\', '/');
        return Previous is { } previous && !staged.ContainsKey(normal) && entries.ContainsKey(normal)
            ? previous.Path(normal)
            : Path.Combine(Root, normal);
    }

    /// <summary>The full path for a site-relative path; throws when it would leave the site or was written before.</summary>
    public string Resolve(string relativePath) => Claim(relativePath).Full;

    /// <summary>Returns the published copy when it already holds these bytes (and records its entry), else null.</summary>
    private string? Unchanged(string normal, UInt128 hash, long length)
    {
        if (Previous?.Holds(normal, hash, length) is { } entry)
        {
            entries[normal] = entry;
            return Previous.Path(normal);
        }

        return null;
    }

    /// <summary>A file written whole into staging: removed when the published site holds the same bytes (and its entry kept), else recorded.</summary>
    private void Settle(string normal, string full, UInt128 hash, long length)
    {
        if (Unchanged(normal, hash, length) is not null)
        {
            File.Delete(full);
            return;
        }

        RecordStaged(normal, hash, length, full);
    }

    /// <summary>Records a file put into staging, with its modification time once written.</summary>
    private void RecordStaged(string normal, UInt128 hash, long length, string full)
    {
        entries[normal] = new SiteManifest.Entry(hash, length, File.GetLastWriteTimeUtc(full).Ticks);
        staged[normal] = 0;
    }

    private static UInt128 Hash(ReadOnlySpan<byte> bytes) => Hash(XxHash128.Hash(bytes));

    /// <summary>The digest (XxHash128's canonical big-endian bytes) as the number the manifest keeps: its hex is the digest's.</summary>
    private static UInt128 Hash(byte[] digest) => System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(digest);

    /// <summary>Creates the folder of <paramref name="file"/> unless this writer made it already; returns the file.</summary>
    private string Folder(string file)
    {
        // Lazy: a thread that finds the folder being made by another waits until it exists.
        _ = folders.GetOrAdd(Path.GetDirectoryName(file)!, folder => new(() => Directory.CreateDirectory(folder).FullName)).Value;
        return file;
    }

    private (string Normal, string Full) Claim(string relativePath)
    {
        var (normal, full) = Inside(relativePath);
        Register(normal);
        return (normal, full);
    }

    /// <summary>The path with forward slashes and its full path; throws when it would leave the site.</summary>
    private (string Normal, string Full) Inside(string relativePath)
    {
        var normal = relativePath.Replace('\\', '/');
        if (normal.Length == 0 || normal.StartsWith('/') || normal.Any(char.IsControl) || normal.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new OutputPathException($"拒绝写到网站文件夹之外：“{relativePath}”", $"refusing to write outside the site: '{relativePath}'");
        }

        var full = Path.GetFullPath(Path.Combine(Root, normal));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new OutputPathException($"拒绝写到网站文件夹之外：“{relativePath}”", $"refusing to write outside the site: '{relativePath}'");
        }

        return (normal, full);
    }

    /// <summary>Records a path as written; throws when it was written before.</summary>
    private void Register(string normal)
    {
        lock (written)
        {
            if (!written.Add(normal))
            {
                throw new OutputPathException($"两个输出会写同一个文件：“{normal}”", $"two outputs would write the same file: '{normal}'");
            }
        }
    }

    /// <summary>
    /// A streamed output: held in memory up to <see cref="InMemory"/> bytes, then spilled to its staging file, hashed
    /// as it is written. On dispose it is staged, or (unchanged from the published site) not written at all; a
    /// spilled file found unchanged is removed again.
    /// </summary>
    private sealed class StagedStream(SiteWriter writer, string normal, string full) : Stream
    {
        private const int InMemory = 1 << 20;
        private readonly XxHash128 hash = new();
        private MemoryStream? memory = new();
        private FileStream? file;
        private long length;
        private bool closed;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => !closed;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.Append(buffer);
            length += buffer.Length;
            if (memory is not null && memory.Length + buffer.Length <= InMemory)
            {
                memory.Write(buffer);
                return;
            }

            if (file is null)
            {
                file = new FileStream(writer.Folder(full), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
                file.Write(memory!.GetBuffer().AsSpan(0, (int)memory.Length));
                memory = null;
            }

            file.Write(buffer);
        }

        public override void Flush() => file?.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing && !closed)
            {
                closed = true;
                var digest = Hash(hash.GetCurrentHash());
                if (file is not null)
                {
                    file.Dispose();
                    writer.Settle(normal, full, digest, length);
                }
                else if (writer.Unchanged(normal, digest, length) is null)
                {
                    using (var handle = File.OpenHandle(writer.Folder(full), FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    {
                        RandomAccess.Write(handle, memory!.GetBuffer().AsSpan(0, (int)memory.Length), 0);
                    }

                    writer.RecordStaged(normal, digest, length, full);
                }
            }

            base.Dispose(disposing);
        }
    }
}
