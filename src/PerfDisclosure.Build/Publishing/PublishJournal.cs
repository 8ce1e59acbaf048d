using System.Text;

namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// The plan of a file-by-file publish, written and flushed to disk in the site folder before the site's first
/// change: the staging folder, the files to remove (those the old manifest names and the new one does not), then
/// the files to rename from staging into place. Carrying it out is idempotent — a removed file is gone, a renamed
/// one is no longer in staging — so <see cref="OutputFolder.Claim"/> rolls an interrupted publish forward, whatever
/// step it was killed at. The new manifest (the marker file) is renamed in last, then the journal removed.
/// </summary>
internal static class PublishJournal
{
    public const string FileName = ".perfdisclosure-journal";
    private const string Version = "journal 1";

    /// <summary>Writes the journal (to a temporary name, flushed, then renamed: it exists whole or not at all).</summary>
    public static void Write(string site, string staging, IEnumerable<string> removals, IEnumerable<string> renames)
    {
        var text = new StringBuilder().Append(Version).Append('\n').Append("staging ").Append(staging).Append('\n');
        foreach (var path in removals)
        {
            text.Append("- ").Append(path).Append('\n');
        }

        foreach (var path in renames)
        {
            text.Append("+ ").Append(path).Append('\n');
        }

        text.Append("end\n");
        var temporary = Path.Combine(site, FileName + ".tmp");
        using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(new UTF8Encoding(false).GetBytes(text.ToString()));
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(site, FileName), overwrite: true);
    }

    /// <summary>The staging folder a journal in <paramref name="site"/> names, or null when there is no (whole) journal.</summary>
    public static string? Staging(string site)
    {
        var lines = Lines(site);
        return lines is null ? null : lines[1]["staging ".Length..];
    }

    /// <summary>Carries out the journal in <paramref name="site"/>, if any, to its end; a journal not wholly written is dropped (nothing was changed yet).</summary>
    public static void RollForward(string site)
    {
        File.Delete(Path.Combine(site, FileName + ".tmp"));
        if (Lines(site) is not { } lines)
        {
            return;
        }

        var staging = lines[1]["staging ".Length..];
        var removals = lines.Skip(2).Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..]).ToList();
        foreach (var path in removals)
        {
            File.Delete(Path.Combine(site, path));
        }

        RemoveEmptyFolders(site, removals);
        foreach (var path in lines.Skip(2).Where(l => l.StartsWith("+ ", StringComparison.Ordinal)).Select(l => l[2..]))
        {
            var from = Path.Combine(staging, path);
            if (File.Exists(from))
            {
                var to = Path.Combine(site, path);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Move(from, to, overwrite: true); // one rename: a reader sees the old file or the new, never a part
            }
        }

        var marker = Path.Combine(staging, OutputFolder.MarkerName);
        if (File.Exists(marker))
        {
            File.Move(marker, Path.Combine(site, OutputFolder.MarkerName), overwrite: true);
        }

        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        File.Delete(Path.Combine(site, FileName));
    }

    private static string[]? Lines(string site)
    {
        var journal = Path.Combine(site, FileName);
        if (!File.Exists(journal))
        {
            return null;
        }

        var lines = File.ReadAllLines(journal, Encoding.UTF8);
        var whole = lines.Length >= 3 && lines[0] == Version && lines[1].StartsWith("staging ", StringComparison.Ordinal) && lines[^1] == "end";
        return whole && IsStaging(site, lines[1]["staging ".Length..]) && lines[2..^1].All(l => l.Length > 2 && l[..2] is "- " or "+ " && InSite(l[2..])) ? lines : null;
    }

    /// <summary>
    /// Whether a journal's staging folder is one a publish of <paramref name="site"/> makes (<see cref="OutputFolder.CreateStaging"/>):
    /// beside the site or, in a mount point, inside it, named as staging. A journal naming any other folder is not this
    /// tool's (damaged or written by hand) and is never carried out: rolling it forward deletes its staging folder.
    /// </summary>
    private static bool IsStaging(string site, string staging)
    {
        var full = Path.GetFullPath(site);
        var name = Path.GetFileName(staging);
        return Path.IsPathFullyQualified(staging) && staging == Path.GetFullPath(staging)
            && ((Path.GetDirectoryName(staging) == Path.GetDirectoryName(full) && name.StartsWith($".{Path.GetFileName(full)}.staging-", StringComparison.Ordinal))
                || (Path.GetDirectoryName(staging) == full && name.StartsWith(".perfdisclosure-staging-", StringComparison.Ordinal)));
    }

    /// <summary>Whether a journal's path is a site-relative path this tool writes: '/'-separated segments, none empty, '.' or '..'.</summary>
    private static bool InSite(string path) =>
        !Path.IsPathRooted(path) && !path.Contains('\\') && path.Split('/').All(segment => segment is not ("" or "." or ".."));

    /// <summary>Removes the folders that removing files left empty, deepest first, up to (not including) the site; a folder still holding a file stays.</summary>
    private static void RemoveEmptyFolders(string site, IEnumerable<string> removed)
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in removed)
        {
            for (var folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            {
                folders.Add(folder);
            }
        }

        foreach (var folder in folders.OrderByDescending(f => f.Length))
        {
            var full = Path.Combine(site, folder);
            if (Directory.Exists(full) && !Directory.EnumerateFileSystemEntries(full).Any())
            {
                Directory.Delete(full);
            }
        }
    }
}
