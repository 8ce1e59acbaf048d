namespace PerfDisclosure.Build.Publishing;

/// <summary>What a publish did: whether the whole folder was replaced, and how many files were put in place, removed, left untouched.</summary>
public readonly record struct PublishCounts(bool WholeFolder, int Renamed, int Removed, int Unchanged)
{
    public override string ToString() => WholeFolder
        ? $"whole folder replaced ({Renamed} files)"
        : $"{Renamed} files renamed into place, {Removed} removed, {Unchanged} untouched";
}

/// <summary>
/// A file-by-file publish: the files a build staged (new or changed) are renamed into the site one by one, the files
/// the old manifest names and the new one does not are removed, and the new manifest is put in place last, all
/// through a <see cref="PublishJournal"/> written before the first change. Files the manifest does not name (put
/// there by hand) are never removed or overwritten: a new file whose place one of them holds stops the publish
/// before anything changed.
/// </summary>
internal static class IncrementalPublish
{
    public static PublishCounts Run(string site, string staging, PublishedSite previous, SiteManifest manifest, IReadOnlyCollection<string> staged)
    {
        var removals = previous.Manifest.Files.Keys.Where(p => !manifest.Files.ContainsKey(p)).Order(StringComparer.Ordinal).ToList();
        var renames = staged.Order(StringComparer.Ordinal).ToList();
        var removed = new HashSet<string>(removals, StringComparer.Ordinal);
        if (renames.Where(p => !previous.Manifest.Files.ContainsKey(p)).FirstOrDefault(p => InTheWay(site, p, removed)) is { } blocked)
        {
            OutputFolder.Discard(staging);
            throw new OutputFolderException(
                $"{Path.Combine(site, blocked)}：这次构建要写“{blocked}”的位置上有一个不是 perfdisclosure 写入的文件；网站保持原样；请把这个文件移出网站文件夹后重新构建",
                $"{Path.Combine(site, blocked)}: a file perfdisclosure did not write is where this build puts '{blocked}'; the site was left as it was; move that file out of the site and build again");
        }

        var marker = Path.Combine(staging, OutputFolder.MarkerName);
        manifest.WriteTo(marker);
        var unchanged = manifest.Files.Count - renames.Count;
        if (renames.Count == 0 && removals.Count == 0 && Same(Path.Combine(site, OutputFolder.MarkerName), marker))
        {
            OutputFolder.Discard(staging);
            return new PublishCounts(false, 0, 0, unchanged);
        }

        PublishJournal.Write(site, staging, removals, renames);
        PublishJournal.RollForward(site);
        return new PublishCounts(false, renames.Count, removals.Count, unchanged);
    }

    /// <summary>Whether something not in the old manifest (or about to be removed) holds the place of a new file or of one of its folders.</summary>
    private static bool InTheWay(string site, string path, HashSet<string> removed)
    {
        var full = Path.Combine(site, path);
        if (File.Exists(full) || (Directory.Exists(full) && Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories).Any(f => !removed.Contains(Path.GetRelativePath(site, f).Replace('\\', '/')))))
        {
            return true;
        }

        for (var folder = Path.GetDirectoryName(path); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(site, folder)) && !removed.Contains(folder.Replace('\\', '/')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether two files hold the same bytes (the published marker and the new one).</summary>
    private static bool Same(string file, string other)
    {
        try
        {
            if (!File.Exists(file) || new FileInfo(file).Length != new FileInfo(other).Length)
            {
                return false;
            }

            using var a = File.OpenRead(file);
            using var b = File.OpenRead(other);
            Span<byte> left = stackalloc byte[1 << 13];
            Span<byte> right = stackalloc byte[1 << 13];
            for (int read; (read = a.ReadAtLeast(left, left.Length, throwOnEndOfStream: false)) > 0;)
            {
                if (b.ReadAtLeast(right[..read], read, throwOnEndOfStream: false) != read || !left[..read].SequenceEqual(right[..read]))
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
