using System.Security.Cryptography;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// One entry of a build cache on disk: the SHA-256 of the bytes, then the bytes. Written to a temporary name and
/// renamed, so a killed build never leaves half an entry under a key; read back only when the hash matches, so a
/// corrupt or truncated entry is never trusted — it is deleted and the caller builds the output again.
/// </summary>
public static class CacheFile
{
    private const int HashLength = 32;

    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        Span<byte> hash = stackalloc byte[HashLength];
        SHA256.HashData(bytes, hash);
        using (var file = Create(temporary))
        {
            RandomAccess.Write(file, hash, 0);
            RandomAccess.Write(file, bytes, HashLength);
        }

        File.Move(temporary, path, overwrite: true);
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
