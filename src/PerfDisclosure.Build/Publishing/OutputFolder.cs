namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// The folder a build publishes into, and the only way to publish. <see cref="Claim"/> comes first in every build,
/// merge and serve: it refuses a folder that is not the tool's (<see cref="FolderGuard"/>) and puts back a site that a
/// killed publish left aside, before anything is read. A build then writes a staging folder beside the output and
/// swaps it in with two renames, so a failed, interrupted or killed build never leaves a half-written site.
/// A mount point (a container volume) cannot be renamed: there the staging folder is made inside it, and the swap
/// moves its children instead (docs/security.md says which guarantee holds then).
/// </summary>
public sealed class OutputFolder
{
    /// <summary>Written into every site this tool publishes: a folder holding it is the tool's to replace.</summary>
    public const string MarkerName = ".perfdisclosure-site";

    private const string MarkerText = "This folder is a site published by perfdisclosure; the next build replaces all of it.\n";

    // The working entries of a publish inside a mount point, all named with this prefix.
    private const string Working = ".perfdisclosure-";
    private const string Staging = Working + "staging-";
    private const string Retiring = Working + "retiring-"; // the old site's entries being moved aside
    private const string Retired = Working + "retired-";   // all of them aside; the new site's being moved in
    private const string Discarded = Working + "discard-"; // the new site in place; the old one being removed

    private OutputFolder(string fullPath, bool inPlace)
    {
        FullPath = fullPath;
        InPlace = inPlace;
    }

    public string FullPath { get; }

    /// <summary>Whether the folder is a mount point, published into by moving its children (not renamed).</summary>
    public bool InPlace { get; }

    private string Parent => Path.GetDirectoryName(FullPath)!;

    private string Name => Path.GetFileName(FullPath);

    /// <summary>Refuses a build's output or cache folder that is not the tool's; changes nothing.</summary>
    /// <exception cref="OutputFolderException">One line naming the folder and what to give instead.</exception>
    public static void Check(BuildOptions options) => FolderGuard.Check(options);

    /// <summary>Checks the folders (<see cref="Check"/>), then restores a site that a killed publish left aside.</summary>
    public static OutputFolder Claim(BuildOptions options)
    {
        var full = FolderGuard.Check(options);
        var folder = new OutputFolder(full, IsMountPoint(full));
        folder.Recover();
        return folder;
    }

    /// <summary>
    /// Whether a folder's entries (the tool's working entries left out) show that the tool published it. A publish
    /// inside a mount point that was killed may have moved the marker aside with the old site.
    /// </summary>
    internal static bool IsTheTools(string folder, string[] names) =>
        (names.Contains(MarkerName, StringComparer.Ordinal) && File.Exists(Path.Combine(folder, MarkerName)))
        || Directory.EnumerateDirectories(folder, Working + "retir*").Any(aside => File.Exists(Path.Combine(aside, MarkerName)));

    /// <summary>A staging folder, a search spill or a half-done swap of a publish inside a mount point.</summary>
    internal static bool IsWorkingEntry(string name) => name.StartsWith(Working, StringComparison.Ordinal) && name != MarkerName;

    /// <summary>A new, empty staging folder on the output's file system, so the swap is a rename.</summary>
    public string CreateStaging()
    {
        var staging = InPlace
            ? Path.Combine(FullPath, $"{Staging}{Environment.ProcessId}-{Guid.NewGuid():N}")
            : Path.Combine(Parent, $".{Name}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return staging;
    }

    /// <summary>
    /// The site in place with the manifest its marker holds, for a build to publish file by file; null where the
    /// whole folder is replaced instead: no site or no manifest yet (a first build, one by an older version), a mount
    /// point (published by moving its children), a <c>--shard</c> build (its folder must hold exactly its shard
    /// manifest's files, which a merge checks).
    /// </summary>
    public PublishedSite? Published(BuildOptions options)
    {
        if (InPlace || options.Shard is not null || !Directory.Exists(FullPath))
        {
            return null;
        }

        return SiteManifest.Read(Path.Combine(FullPath, MarkerName)) is { } manifest ? new PublishedSite(FullPath, manifest) : null;
    }

    /// <summary>
    /// Publishes what <paramref name="writer"/> wrote: file by file when it compared its files with the published
    /// site (<see cref="SiteWriter.Previous"/>), else by replacing the whole folder. The new manifest goes into the marker.
    /// </summary>
    public PublishCounts Publish(SiteWriter writer)
    {
        var manifest = writer.Manifest;
        if (writer.Previous is not { } previous)
        {
            manifest.WriteTo(Path.Combine(writer.Root, MarkerName));
            Publish(writer.Root, marker: null);
            return new PublishCounts(true, manifest.Files.Count, 0, 0);
        }

        return IncrementalPublish.Run(FullPath, writer.Root, previous, manifest, writer.Staged);
    }

    /// <summary>Replaces the site with <paramref name="staging"/>, marked as the tool's; the old site is removed last.</summary>
    public void Publish(string staging) => Publish(staging, MarkerText);

    /// <param name="marker">The marker's text; null when it is written already.</param>
    private void Publish(string staging, string? marker)
    {
        if (marker is not null)
        {
            File.WriteAllText(Path.Combine(staging, MarkerName), marker);
        }

        if (InPlace)
        {
            PublishInPlace(staging);
            return;
        }

        var retired = Path.Combine(Parent, $".{Name}.retired-{Guid.NewGuid():N}");
        if (Directory.Exists(FullPath))
        {
            try
            {
                Directory.Move(FullPath, retired);
            }
            catch (IOException e)
            {
                throw new Reporting.BilingualIOException($"{FullPath}：无法替换，网站保持原样；{Reporting.SystemFailure.Chinese(e)}", $"{FullPath}: cannot be replaced ({e.Message}); the site was left as it was", e);
            }
        }

        try
        {
            Directory.Move(staging, FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Put the old site back: a failed swap must leave the site as it was, not missing.
            if (Directory.Exists(retired) && !Directory.Exists(FullPath))
            {
                Directory.Move(retired, FullPath);
            }

            throw;
        }

        if (Directory.Exists(retired))
        {
            Directory.Delete(retired, recursive: true);
        }
    }

    public static void Discard(string staging)
    {
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>
    /// Inside a mount point: the old site's entries are moved into a retiring folder, which is then renamed retired
    /// (one atomic step marks that all are aside); the new site's entries are moved up from staging, and the retired
    /// folder renamed to be discarded, then removed. <see cref="Recover"/> reads those names after a kill.
    /// </summary>
    private void PublishInPlace(string staging)
    {
        var id = Guid.NewGuid().ToString("N");
        var retiring = Path.Combine(FullPath, Retiring + id);
        var retired = Path.Combine(FullPath, Retired + id);
        Directory.CreateDirectory(retiring);
        try
        {
            MoveEntries(FullPath, retiring);
            Directory.Move(retiring, retired);
            MoveEntries(staging, FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Recover();
            throw;
        }

        var discarded = Path.Combine(FullPath, Discarded + id);
        Directory.Move(retired, discarded);
        Directory.Delete(discarded, recursive: true);
        Directory.Delete(staging, recursive: true);
    }

    /// <summary>Moves every entry of <paramref name="from"/> but the tool's working entries into <paramref name="to"/>.</summary>
    private static void MoveEntries(string from, string to)
    {
        foreach (var entry in Entries(from))
        {
            var target = Path.Combine(to, Path.GetFileName(entry));
            if (Directory.Exists(entry))
            {
                Directory.Move(entry, target);
            }
            else
            {
                File.Move(entry, target);
            }
        }
    }

    private static IEnumerable<string> Entries(string folder) =>
        [.. Directory.EnumerateFileSystemEntries(folder).Where(e => !IsWorkingEntry(Path.GetFileName(e)))];

    private static void Delete(string entry)
    {
        if (Directory.Exists(entry) && new DirectoryInfo(entry).LinkTarget is null)
        {
            Directory.Delete(entry, recursive: true);
        }
        else
        {
            File.Delete(entry);
        }
    }

    /// <summary>Puts back a site a killed or failed publish left aside, and removes what dead builds left.</summary>
    private void Recover()
    {
        if (InPlace)
        {
            RecoverInPlace();
            return;
        }

        if (!Directory.Exists(Parent))
        {
            return;
        }

        // A build killed between its two renames leaves the old site retired and none in place: restore it.
        if (!Directory.Exists(FullPath) && Directory.EnumerateDirectories(Parent, $".{Name}.retired-*").Select(d => new DirectoryInfo(d)).MaxBy(d => d.LastWriteTimeUtc) is { } newest)
        {
            newest.MoveTo(FullPath);
        }

        // A file-by-file publish killed after its journal was written: carry it out, before its staging folder goes.
        if (Directory.Exists(FullPath) && PublishJournal.Staging(FullPath) is { } staging
            && !(Path.GetFileName(staging).StartsWith($".{Name}.staging-", StringComparison.Ordinal) && IsRunningBuild(Path.GetFileName(staging)[$".{Name}.staging-".Length..])))
        {
            PublishJournal.RollForward(FullPath);
        }

        foreach (var dir in Directory.EnumerateDirectories(Parent, $".{Name}.*"))
        {
            var suffix = Path.GetFileName(dir)[(Name.Length + 1)..];
            if (suffix.StartsWith(".retired-", StringComparison.Ordinal) || (suffix.StartsWith(".staging-", StringComparison.Ordinal) && !IsRunningBuild(suffix[".staging-".Length..])))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    private void RecoverInPlace()
    {
        foreach (var name in Directory.EnumerateFileSystemEntries(FullPath).Select(e => Path.GetFileName(e)!).Where(IsWorkingEntry).Order(StringComparer.Ordinal).ToList())
        {
            var path = Path.Combine(FullPath, name);
            if (name.StartsWith(Retiring, StringComparison.Ordinal))
            {
                // Killed while moving the old site aside: what is in place is old too; bring the rest back.
                MoveEntries(path, FullPath);
                Directory.Delete(path, recursive: true);
            }
            else if (name.StartsWith(Retired, StringComparison.Ordinal))
            {
                // Killed while moving the new site in: remove what of it arrived, bring the old site back.
                foreach (var entry in Entries(FullPath))
                {
                    Delete(entry);
                }

                MoveEntries(path, FullPath);
                Directory.Delete(path, recursive: true);
            }
            else if (name.StartsWith(Discarded, StringComparison.Ordinal) || (name.StartsWith(Staging, StringComparison.Ordinal) && !IsRunningBuild(name[Staging.Length..])))
            {
                Delete(path); // the new site is in place; or a dead build's staging folder (or its search spill)
            }
        }
    }

    /// <summary>Whether the build named by a staging suffix <c>PID-GUID…</c> still runs (the current process's own leftovers do not).</summary>
    private static bool IsRunningBuild(string pidAndGuid)
    {
        var parts = pidAndGuid.Split('-');
        if (parts.Length < 2 || !int.TryParse(parts[0], out var pid) || pid == Environment.ProcessId)
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Whether the folder is a mount point (the system lists it as one); such a folder cannot be renamed.</summary>
    private static bool IsMountPoint(string full)
    {
        if (!Directory.Exists(full))
        {
            return false;
        }

        try
        {
            return DriveInfo.GetDrives().Any(d => string.Equals(FolderGuard.Full(d.RootDirectory.FullName), full, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
