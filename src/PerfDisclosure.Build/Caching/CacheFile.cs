using System.Security.Cryptography;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// One entry of a build cache on disk: the SHA-256 of the bytes, then the bytes. Read back only when the hash
/// matches, so a corrupt or truncated entry (a killed build, a full disk) is never trusted — it is deleted and the
/// caller builds the output again. That check is what makes an entry safe, so it is written in place, once: no
/// temporary file and rename per entry (a tenth of a cached build's system time at 10,000 forms).
/// </summary>
public static class CacheFile
{
    private const int HashLength = 32;

    /// <summary>Writes a new entry; one already there (another build's, under the same key: the same bytes) is kept.</summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(bytes, hash);
        Microsoft.Win32.SafeHandles.SafeFileHandle file;
        try
        {
            file = Create(path);
        }
        catch (IOException) when (File.Exists(path))
        {
            return; // written meanwhile by another build; if it is damaged, the next read finds out and replaces it
        }

        try
        {
            using (file)
            {
                RandomAccess.Write(file, hash, 0);
                RandomAccess.Write(file, bytes, HashLength);
            }
        }
        catch
        {
            File.Delete(path); // a full disk: no truncated entry is left to be hashed and thrown away later
            throw;
        }
    }

    /// <summary>The entry's bytes, or null when there is none or it does not match its hash (then it is removed).</summary>
    public static byte[]? Read(string path)
    {
        byte[] entry;
        try
        {
            // A miss is the common case of a first build: asked without an exception (the catch is for a race).
            if (!File.Exists(path))
            {
                return null;
            }

            entry = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (entry.Length >= HashLength && SHA256.HashData(entry.AsSpan(HashLength)).AsSpan().SequenceEqual(entry.AsSpan(0, HashLength)))
        {
            return entry[HashLength..];
        }

        File.Delete(path);
        return null;
    }

    /// <summary>
    /// A render cache entry: the page's bytes alone, the same file as the page published by the build that wrote it
    /// (a hard link, <see cref="Link"/>), checked against the SHA-256 its index holds. Null when it is missing or
    /// does not match (a page edited in the site after publishing edits this file too): then it is removed.
    /// </summary>
    public static byte[]? ReadLinked(string path, ReadOnlySpan<byte> hash)
    {
        byte[] entry;
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            entry = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        if (SHA256.HashData(entry).AsSpan().SequenceEqual(hash))
        {
            return entry;
        }

        File.Delete(path);
        return null;
    }

    /// <summary>
    /// Makes the entry at <paramref name="path"/> a hard link to <paramref name="existing"/>, the file just written
    /// with <paramref name="bytes"/>: the cache takes no second copy. An entry left there (by a killed build, or one
    /// its index no longer names) is replaced; where no link can be made (another file system) the bytes are copied.
    /// </summary>
    public static void Link(string path, string existing, ReadOnlySpan<byte> bytes)
    {
        try
        {
            LinkOrCopy(path, existing, bytes);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            LinkOrCopy(path, existing, bytes);
        }
    }

    private static void LinkOrCopy(string path, string existing, ReadOnlySpan<byte> bytes)
    {
        File.Delete(path);
        try
        {
            Publishing.HardLink.Create(path, existing);
        }
        catch (IOException) when (File.Exists(path))
        {
            // linked meanwhile by another build under the same key: the same bytes
        }
        catch (IOException) when (Directory.Exists(Path.GetDirectoryName(path)))
        {
            using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            RandomAccess.Write(file, bytes, 0);
        }
    }

    // The entry's folder is made when the first entry in it is written (not asked before every entry).
    private static Microsoft.Win32.SafeHandles.SafeFileHandle Create(string path)
    {
        try
        {
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
        catch (DirectoryNotFoundException)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            return File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        }
    }
}
