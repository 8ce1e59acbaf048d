namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// The site in place when a build starts, with the manifest its marker holds: what a file-by-file publish compares
/// each new file with. A file is unchanged when the manifest names it with the same hash and the site still holds a
/// regular file of that size and modification time there (a file removed or edited by hand is written again).
/// </summary>
public sealed record PublishedSite(string Folder, SiteManifest Manifest)
{
    /// <summary>Whether the published file at <paramref name="path"/> already holds the bytes <paramref name="entry"/> describes.</summary>
    /// <returns>The manifest's entry for it, or null when it must be written again.</returns>
    public SiteManifest.Entry? Holds(string path, UInt128 hash, long length)
    {
        if (!Manifest.Files.TryGetValue(path, out var old) || old.Hash != hash || old.Length != length)
        {
            return null;
        }

        var file = new FileInfo(System.IO.Path.Combine(Folder, path));
        return file.Exists && file.LinkTarget is null && file.Length == length && file.LastWriteTimeUtc.Ticks == old.Ticks ? old : null;
    }

    /// <summary>The full path of a site-relative path in the published site.</summary>
    public string Path(string relative) => System.IO.Path.Combine(Folder, relative);
}
