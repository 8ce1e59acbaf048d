namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// The site in place when a build starts, with the manifest its marker holds: what a file-by-file publish compares
/// each new file with. A file is unchanged when the manifest names it with the same hash and the site still holds a
/// regular file of that size there (a file removed or resized by hand is written again).
/// </summary>
public sealed record PublishedSite(string Folder, SiteManifest Manifest)
{
    /// <summary>Whether the published file at <paramref name="path"/> already holds the bytes <paramref name="entry"/> describes.</summary>
    public bool Holds(string path, SiteManifest.Entry entry)
    {
        if (!Manifest.Files.TryGetValue(path, out var old) || old != entry)
        {
            return false;
        }

        var file = new FileInfo(System.IO.Path.Combine(Folder, path));
        return file.Exists && file.LinkTarget is null && file.Length == entry.Length;
    }

    /// <summary>The full path of a site-relative path in the published site.</summary>
    public string Path(string relative) => System.IO.Path.Combine(Folder, relative);
}
