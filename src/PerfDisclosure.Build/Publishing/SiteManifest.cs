using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.Publishing;

/// <summary>
/// The files a build published, each with its content hash (XxHash128), size and modification time: kept in the
/// site's marker file (<see cref="OutputFolder.MarkerName"/>) below its header, so it travels with the site in a full
/// swap and is replaced last in a file-by-file publish. Only a file named here is ever removed by a later build; a
/// file a user put into the site is not named, and stays. The times let a build trust the hash without reading the
/// file (one edited in place has a new time); they are the one part of a site that differs between two builds of
/// the same content.
/// </summary>
public sealed class SiteManifest(IReadOnlyDictionary<string, SiteManifest.Entry> files)
{
    private const string Header = "This folder is a site published by perfdisclosure. The lines below list the files it wrote (hash, size, time, path):\nthe next build replaces or removes those files only; a build that cannot publish file by file replaces the whole folder.\n";
    private const string Version = "manifest 1";

    /// <summary>
    /// One published file: its XxHash128 (as a number, written in the marker as 32 lowercase hex digits), its length
    /// in bytes, its modification time in ticks (UTC). A value, not a hex string: 360,000 entries at 100k forms.
    /// </summary>
    public readonly record struct Entry(UInt128 Hash, long Length, long Ticks);

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
            var parts = line.Split(' ', 4);
            if (parts.Length < 4 || parts[0].Length != 32 || !UInt128.TryParse(parts[0], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hash) || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var length) || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return null; // not written by this tool: publish the whole folder instead
            }

            files[parts[3]] = new Entry(hash, length, ticks);
        }

        return new SiteManifest(files);
    }

    /// <summary>The marker file's text: the header, then one line per file in path order.</summary>
    public string ToText()
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        WriteTo(text);
        return text.ToString();
    }

    /// <summary>
    /// Writes the marker file's text (<see cref="ToText"/>) into <paramref name="file"/> as UTF-8, a buffer at a time:
    /// at 100,000 forms it is 31 MB, which as one text (and its bytes) cost 150 MB at the end of a build.
    /// </summary>
    public void WriteTo(string file)
    {
        using var text = new StreamWriter(file, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        WriteTo(text);
    }

    private void WriteTo(TextWriter text)
    {
        text.Write(Header);
        text.Write(Version);
        text.Write('\n');
        Span<char> number = stackalloc char[40];
        foreach (var (path, entry) in Files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            entry.Hash.TryFormat(number, out var written, "x32", CultureInfo.InvariantCulture);
            text.Write(number[..written]);
            text.Write(' ');
            entry.Length.TryFormat(number, out written, default, CultureInfo.InvariantCulture);
            text.Write(number[..written]);
            text.Write(' ');
            entry.Ticks.TryFormat(number, out written, default, CultureInfo.InvariantCulture);
            text.Write(number[..written]);
            text.Write(' ');
            text.Write(path);
            text.Write('\n');
        }
    }
}
