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
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(SHA256.HashData(bytes));
            stream.Write(bytes);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>The entry's bytes, or null when there is none or it does not match its hash (then it is removed).</summary>
    public static byte[]? Read(string path)
    {
        byte[] entry;
        try
        {
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
}
