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
        var (hashes, remembered) = file is null ? (new string[files.Count], 0) : Recall(file, files);
        var readFrom = ((now ?? DateTime.UtcNow) - DateTime.UnixEpoch).Ticks * 100;
        var read = 0;
        Parallel.For(0, files.Count, Parallelism.PerCore, i =>
        {
            if (hashes[i] is null)
            {
                hashes[i] = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(files[i].Path)));
                Interlocked.Increment(ref read);
            }
        });

        if (file is not null && ((read > 0 && files.Any(f => f.Stamp is not null)) || remembered > files.Count))
        {
            Write(file, files, hashes, readFrom - RacyWindow);
        }

        return hashes;
    }

    /// <summary>
    /// The recorded hash of each file whose stamp is as recorded (null for the rest), and how many files the record
    /// names. The record lists the files in the walk's order, so it is read beside them line by line.
    /// </summary>
    private static (string[] Hashes, int Lines) Recall(string file, IReadOnlyList<SourceFile> files)
    {
        var hashes = new string[files.Count];
        string text;
        try
        {
            text = File.ReadAllText(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (hashes, 0); // none yet, or unreadable: every file is read
        }

        var rest = text.AsSpan();
        if (!NextLine(ref rest, out var header) || !header.SequenceEqual(Header))
        {
            return (hashes, 0);
        }

        var (at, lines) = (0, 0);
        while (NextLine(ref rest, out var line))
        {
            lines++;
            if (!Parse(line, out var hash, out var stamp, out var path))
            {
                continue;
            }

            while (at < files.Count && files[at].Path.AsSpan().SequenceCompareTo(path) < 0)
            {
                at++;
            }

            if (at < files.Count && files[at].Stamp == stamp && files[at].Path.AsSpan().SequenceEqual(path))
            {
                hashes[at] = hash.ToString();
            }
        }

        return (hashes, lines);
    }

    private static bool NextLine(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> line)
    {
        var end = rest.IndexOf('\n');
        line = end < 0 ? rest : rest[..end];
        var any = !rest.IsEmpty;
        rest = end < 0 ? [] : rest[(end + 1)..];
        return any;
    }

    /// <summary>One line: hash, size, modified, changed, inode and path, the path last as it may hold spaces.</summary>
    private static bool Parse(ReadOnlySpan<char> line, out ReadOnlySpan<char> hash, out FileStamp stamp, out ReadOnlySpan<char> path)
    {
        Span<long> numbers = stackalloc long[4];
        hash = line.Length > 64 ? line[..64] : [];
        stamp = default;
        path = [];
        var rest = line.Length > 65 && line[64] == ' ' ? line[65..] : [];
        for (var i = 0; i < numbers.Length; i++)
        {
            var space = rest.IndexOf(' ');
            if (space < 0 || !long.TryParse(rest[..space], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }

            rest = rest[(space + 1)..];
        }

        stamp = new FileStamp(numbers[0], numbers[1], numbers[2], (ulong)numbers[3]);
        path = rest;
        return hash.Length == 64 && !path.IsEmpty;
    }

    /// <summary>Remembers the files whose stamp was taken and that had not changed for a while before they were read; a cache folder that cannot take it only costs the next build the reads.</summary>
    private static void Write(string file, IReadOnlyList<SourceFile> files, string[] hashes, long settledBefore)
    {
        var temporary = file + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            // A buffer at a time, not one text: a line per content file.
            using (var text = new StreamWriter(temporary, append: false, new UTF8Encoding(false), 1 << 16))
            {
                text.Write(Header);
                text.Write('\n');
                for (var i = 0; i < files.Count; i++)
                {
                    if (files[i].Stamp is { } s && s.Modified < settledBefore && s.Changed < settledBefore && !files[i].Path.Contains('\n'))
                    {
                        text.Write(string.Create(CultureInfo.InvariantCulture, $"{hashes[i]} {s.Size} {s.Modified} {s.Changed} {s.Inode} {files[i].Path}\n"));
                    }
                }
            }

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
