using System.IO.Compression;
using System.Security;
using System.Text;

namespace PerfDisclosure.Build.Tests.Importing;

/// <summary>
/// Writes a small .xlsx by hand (inline strings, merged cells), as Excel stores one: each sheet's rows, and every
/// run of blank cells after a text merged into that text's cell, the way official forms are laid out.
/// </summary>
internal static class XlsxFixture
{
    public static void Write(string path, IReadOnlyList<(string Name, IReadOnlyList<string[]> Rows)> sheets)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        var overrides = string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"));
        Add(zip, "[Content_Types].xml", $"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>{overrides}</Types>");
        Add(zip, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        var list = string.Concat(sheets.Select((s, i) => $"<sheet name=\"{SecurityElement.Escape(s.Name)}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>"));
        Add(zip, "xl/workbook.xml", $"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>{list}</sheets></workbook>");
        var rels = string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"));
        Add(zip, "xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>");
        for (var i = 0; i < sheets.Count; i++)
        {
            Add(zip, $"xl/worksheets/sheet{i + 1}.xml", Sheet(sheets[i].Rows));
        }
    }

    /// <summary>
    /// A one-sheet workbook from its parts as written: the sheet's XML, and optionally a shared string table, a
    /// styles part and other entries (an entry given twice replaces the first), for inputs Excel would not write.
    /// </summary>
    public static void WriteParts(string path, string sheetXml, string? sharedStrings = null, string? styles = null, params (string Entry, byte[] Bytes)[] extra)
    {
        var parts = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["[Content_Types].xml"] = Utf8("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"),
            ["_rels/.rels"] = Utf8("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ["xl/workbook.xml"] = Utf8("<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"表1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ["xl/_rels/workbook.xml.rels"] = Utf8("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ["xl/worksheets/sheet1.xml"] = Utf8(sheetXml),
        };
        if (sharedStrings is not null)
        {
            parts["xl/sharedStrings.xml"] = Utf8(sharedStrings);
        }

        if (styles is not null)
        {
            parts["xl/styles.xml"] = Utf8(styles);
        }

        foreach (var (entry, bytes) in extra)
        {
            parts[entry] = bytes;
        }

        File.WriteAllBytes(path, Zip(parts));
    }

    /// <summary>The bytes of a zip holding these entries, deflated.</summary>
    public static byte[] Zip(IReadOnlyDictionary<string, byte[]> entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                stream.Write(bytes);
            }
        }

        return memory.ToArray();
    }

    /// <summary>A worksheet whose sheetData is <paramref name="rows"/> and whose other content (merges …) follows it.</summary>
    public static string SheetXml(string rows, string after = "") =>
        $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{rows}</sheetData>{after}</worksheet>";

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    private static string Sheet(IReadOnlyList<string[]> rows)
    {
        var data = new StringBuilder();
        var merges = new List<string>();
        for (var r = 0; r < rows.Count; r++)
        {
            data.Append($"<row r=\"{r + 1}\">");
            var cells = rows[r];
            for (var c = 0; c < cells.Length; c++)
            {
                if (cells[c].Length == 0)
                {
                    continue;
                }

                data.Append($"<c r=\"{Column(c)}{r + 1}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{SecurityElement.Escape(cells[c])}</t></is></c>");
                var end = c;
                while (end + 1 < cells.Length && cells[end + 1].Length == 0)
                {
                    end++;
                }

                if (end > c)
                {
                    merges.Add($"<mergeCell ref=\"{Column(c)}{r + 1}:{Column(end)}{r + 1}\"/>");
                }
            }

            data.Append("</row>");
        }

        var merged = merges.Count == 0 ? string.Empty : $"<mergeCells count=\"{merges.Count}\">{string.Concat(merges)}</mergeCells>";
        return $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData>{merged}</worksheet>";
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    private static void Add(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
        writer.Write(xml);
    }
}
