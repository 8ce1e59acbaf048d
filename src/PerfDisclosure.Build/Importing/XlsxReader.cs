using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Reads every sheet of an .xlsx workbook as tables, streaming its XML (<see cref="XlsxSheet"/>): only the cells
/// that hold a value are kept, so memory follows them and not the grid they span, and every
/// <see cref="SourceLimits"/> limit is checked as the file is read. A merged range keeps its text in its first cell
/// only. Anything wrong with the file is a <see cref="SourceFileException"/>, one line naming it.
/// </summary>
public static class XlsxReader
{
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <exception cref="SourceFileException">The file cannot be read, is no workbook, or passes a limit.</exception>
    public static IReadOnlyList<SourceTable> Read(string path, string displayName, SourceLimits? limits = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, displayName, limits);
    }

    /// <summary>The same from a stream that can seek (a file, or bytes in memory).</summary>
    /// <exception cref="SourceFileException">The bytes are no workbook, a damaged one, or pass a limit.</exception>
    public static IReadOnlyList<SourceTable> Read(Stream stream, string displayName, SourceLimits? limits = null)
    {
        limits ??= SourceLimits.Default;
        try
        {
            if (stream.Length > limits.MaxUncompressedBytes)
            {
                throw new SourceFileException($"{displayName}: the file is {stream.Length} bytes, over the limit of {limits.MaxUncompressedBytes} bytes (the uncompressed size limit)");
            }

            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return Read(zip, displayName, limits);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or NotSupportedException or EndOfStreamException or DecoderFallbackException)
        {
            throw new SourceFileException($"{displayName}: not a workbook that can be read ({OneLine(e.Message)})", e);
        }
    }

    private static List<SourceTable> Read(ZipArchive zip, string file, SourceLimits limits)
    {
        var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
        {
            entries.TryAdd(entry.FullName.Replace('\\', '/').TrimStart('/'), entry);
        }

        var budget = new InflateBudget(file, limits);
        var workbookPath = Targets(entries, budget, "_rels/.rels", "").FirstOrDefault(t => t.Type.EndsWith("/officeDocument", StringComparison.Ordinal)).Target ?? "xl/workbook.xml";
        if (!entries.TryGetValue(workbookPath, out var workbookEntry))
        {
            throw new SourceFileException($"{file}: not an .xlsx workbook (it holds no {workbookPath})");
        }

        var folder = workbookPath.Contains('/', StringComparison.Ordinal) ? workbookPath[..(workbookPath.LastIndexOf('/') + 1)] : string.Empty;
        var parts = Targets(entries, budget, $"{folder}_rels/{workbookPath[folder.Length..]}.rels", folder);
        string? Part(string type, string fallback) =>
            parts.FirstOrDefault(p => p.Type.EndsWith(type, StringComparison.Ordinal)).Target is { } target ? target : entries.ContainsKey(folder + fallback) ? folder + fallback : null;

        var (sheets, date1904) = Sheets(workbookEntry, budget, limits);
        var counter = new XlsxSheet.Counter(file, limits);
        var shared = Part("/sharedStrings", "sharedStrings.xml") is { } sharedPath && entries.TryGetValue(sharedPath, out var sharedEntry) ? SharedStrings(file, sharedEntry, budget, counter) : [];
        var dates = Part("/styles", "styles.xml") is { } stylesPath && entries.TryGetValue(stylesPath, out var stylesEntry) ? XlsxText.DateStyles(Xml(budget.Open(stylesEntry))) : [];

        var tables = new List<SourceTable>();
        foreach (var (name, id) in sheets)
        {
            var target = parts.FirstOrDefault(p => p.Id == id).Target;
            if (target is null || !entries.TryGetValue(target, out var sheetEntry))
            {
                throw new SourceFileException($"{file}: sheet “{XlsxText.Shown(name)}” has no part in the workbook (relationship '{XlsxText.Shown(id)}' is missing or names no file)");
            }

            var table = $"{file}#{name}";
            using var xml = Xml(budget.Open(sheetEntry));
            tables.Add(new SourceTable(table, new SparseRows(new XlsxSheet(table, shared, dates, date1904, counter).Read(xml))));
        }

        return tables;
    }

    /// <summary>The sheets in the workbook's order, by name and relationship id, and whether dates count from 1904.</summary>
    private static (List<(string Name, string Id)> Sheets, bool Date1904) Sheets(ZipArchiveEntry entry, InflateBudget budget, SourceLimits limits)
    {
        var sheets = new List<(string, string)>();
        var date1904 = false;
        using var xml = Xml(budget.Open(entry));
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
            {
                continue;
            }

            if (xml.LocalName == "workbookPr")
            {
                date1904 = xml.GetAttribute("date1904") is "1" or "true";
            }
            else if (xml.LocalName == "sheet" && sheets.Count < limits.MaxCells)
            {
                sheets.Add((xml.GetAttribute("name") ?? $"sheet{sheets.Count + 1}", xml.GetAttribute("id", Relationships) ?? xml.GetAttribute("r:id") ?? string.Empty));
            }
        }

        return (sheets, date1904);
    }

    /// <summary>A part's relationships: id, type and the target's path in the zip (relative to <paramref name="folder"/> unless rooted).</summary>
    private static List<(string Id, string Type, string Target)> Targets(Dictionary<string, ZipArchiveEntry> entries, InflateBudget budget, string rels, string folder)
    {
        var targets = new List<(string, string, string)>();
        if (!entries.TryGetValue(rels, out var entry))
        {
            return targets;
        }

        using var xml = Xml(budget.Open(entry));
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Target") is { } target)
            {
                targets.Add((xml.GetAttribute("Id") ?? string.Empty, xml.GetAttribute("Type") ?? string.Empty, Resolve(folder, target)));
            }
        }

        return targets;
    }

    private static string Resolve(string folder, string target)
    {
        var segments = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target : folder + target).Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment != ".")
            {
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>The shared string table: each <c>si</c>'s text (its runs joined, phonetic guides left out), counted like cells.</summary>
    private static List<string> SharedStrings(string file, ZipArchiveEntry entry, InflateBudget budget, XlsxSheet.Counter counter)
    {
        var strings = new List<string>();
        using var xml = Xml(budget.Open(entry));
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "si")
            {
                counter.SharedString(strings.Count);
                strings.Add(xml.IsEmptyElement ? string.Empty : XlsxText.Decode(counter.RichText(xml, file, $"shared string {strings.Count}")));
            }
        }

        return strings;
    }

    /// <summary>An XML reader that resolves nothing outside the file: no DTD, no external entities.</summary>
    private static XmlReader Xml(Stream stream) => XmlReader.Create(stream, new XmlReaderSettings
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    });

    private static string OneLine(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
