using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// The files a build published, each with its size and content hash (XxHash128): kept in the site's marker file
/// (<see cref="OutputFolder.MarkerName"/>) below its first line, so it travels with the site in a full swap and is
/// replaced last in a file-by-file publish. Only a file named here is ever removed by a later build; a file a user
/// put into the site is not named, and stays. Built from content only (no clocks, no inodes), so two builds of the
/// same content write the same marker.
/// </summary>
public sealed class SiteManifest(IReadOnlyDictionary<string, SiteManifest.Entry> files)
{
    private const string Header = "This folder is a site published by perfdisclosure. The lines below list the files it wrote (hash, size, path):\nthe next build replaces or removes those files only; a build that cannot publish file by file replaces the whole folder.\n";
    private const string Version = "manifest 1";

    /// <summary>One published file: its XxHash128 in hex and its length in bytes.</summary>
    public readonly record struct Entry(string Hash, long Length);

    public IReadOnlyDictionary<string, Entry> Files { get; } = files;

    /// <summary>The manifest in a marker file, or null when the file holds none (an older or empty marker, unreadable, malformed).</summary>
    public static SiteManifest? Read(string markerFile)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(markerFile, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        var start = Array.IndexOf(lines, Version);
        if (start < 0)
        {
            return null;
        }

        var files = new Dictionary<string, Entry>(lines.Length, StringComparer.Ordinal);
        foreach (var line in lines.AsSpan(start + 1))
        {
            var first = line.IndexOf(' ', StringComparison.Ordinal);
            var second = first < 0 ? -1 : line.IndexOf(' ', first + 1);
            if (second < 0 || !long.TryParse(line.AsSpan(first + 1, second - first - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
            {
                return null; // not written by this tool: publish the whole folder instead
            }

            files[line[(second + 1)..]] = new Entry(line[..first], length);
        }

        return new SiteManifest(files);
    }

    /// <summary>The marker file's text: the header, then one line per file in path order.</summary>
    public string ToText()
    {
        var text = new StringBuilder(Header.Length + (Files.Count * 80)).Append(Header).Append(Version).Append('\n');
        foreach (var (path, entry) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            text.Append(entry.Hash).Append(' ').Append(entry.Length.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(path).Append('\n');
        }

        return text.ToString();
    }
}
