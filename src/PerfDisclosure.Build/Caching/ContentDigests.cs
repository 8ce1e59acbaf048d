using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PerfDisclosure.Build.Loading;

namespace PerfDisclosure.Build.Caching;

/// <summary>
/// The SHA-256 of every content file as the last build read it, kept in the cache folder with the file's
/// <see cref="FileStamp"/> (size, modification and change times, inode), so a build reads and hashes again only the
/// files whose stamp differs: git's index does the same. A file is remembered only when it was last modified more
/// than <see cref="RacyWindow"/> before it was read, so a second save within the same tick of a coarse file-system
/// clock (same size, same times) cannot hide behind the first one's hash (git's "racily clean" entries).
/// Without stamps (not Linux) or without a cache folder every file is read, as before.
/// </summary>
internal static class ContentDigests
{
    private const string FileName = "content-digests";
    private const string Header = "perfdisclosure content digests 1";

    /// <summary>Wider than any file system's timestamp step (FAT's is 2 s).</summary>
    private const long RacyWindow = 3_000_000_000;

    /// <summary>
    /// The hex SHA-256 of each file's bytes, in the order given; read in parallel, each file whose stamp is remembered
    /// unread. <paramref name="now"/> is when the reading starts (the clock, unless a test says otherwise).
    /// </summary>
    public static string[] Of(IReadOnlyList<SourceFile> files, string? cacheDir, DateTime? now = null)
    {
        var file = cacheDir is null ? null : Path.Combine(cacheDir, FileName);
        var remembered = file is null ? [] : Read(file);
        var readFrom = ((now ?? DateTime.UtcNow) - DateTime.UnixEpoch).Ticks * 100;
        var hashes = new string[files.Count];
        var read = 0;
        Parallel.For(0, files.Count, Parallelism.PerCore, i =>
        {
            var source = files[i];
            if (source.Stamp is { } stamp && remembered.TryGetValue(source.Path, out var known) && known.Stamp == stamp)
            {
                hashes[i] = known.Hash;
                return;
            }

            hashes[i] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(source.Path)));
            Interlocked.Increment(ref read);
        });

        if (file is not null && ((read > 0 && files.Any(f => f.Stamp is not null)) || remembered.Count > files.Count))
        {
            Write(file, files, hashes, readFrom - RacyWindow);
        }

        return hashes;
    }

    private static Dictionary<string, (FileStamp Stamp, string Hash)> Read(string file)
    {
        var remembered = new Dictionary<string, (FileStamp, string)>(StringComparer.Ordinal);
        try
        {
            using var reader = new StreamReader(file, Encoding.UTF8);
            if (reader.ReadLine() != Header)
            {
                return remembered;
            }

            while (reader.ReadLine() is { } line)
            {
                // hash size modified changed inode path: the path last, as it may hold spaces.
                var fields = line.Split(' ', 6);
                if (fields.Length == 6 && fields[0].Length == 64
                    && long.TryParse(fields[1], CultureInfo.InvariantCulture, out var size)
                    && long.TryParse(fields[2], CultureInfo.InvariantCulture, out var modified)
                    && long.TryParse(fields[3], CultureInfo.InvariantCulture, out var changed)
                    && ulong.TryParse(fields[4], CultureInfo.InvariantCulture, out var inode))
                {
                    remembered[fields[5]] = (new FileStamp(size, modified, changed, inode), fields[0]);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // None yet, or unreadable: every file is read.
        }

        return remembered;
    }

    /// <summary>Remembers the files whose stamp was taken and that had not changed for a while before they were read; a cache folder that cannot take it only costs the next build the reads.</summary>
    private static void Write(string file, IReadOnlyList<SourceFile> files, string[] hashes, long settledBefore)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < files.Count; i++)
        {
            if (files[i].Stamp is { } s && s.Modified < settledBefore && s.Changed < settledBefore && !files[i].Path.Contains('\n'))
            {
                text.Append(CultureInfo.InvariantCulture, $"{hashes[i]} {s.Size} {s.Modified} {s.Changed} {s.Inode} {files[i].Path}\n");
            }
        }

        var temporary = file + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(false));
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
