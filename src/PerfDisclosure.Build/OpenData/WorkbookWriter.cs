using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// Writes the open-data tables as an .xlsx workbook (Open XML SDK), one sheet per table, for people who read in a
/// spreadsheet: Chinese headers, typed cells (numbers as numbers shown in the layout's own format, dates as dates,
/// text as text), and values exactly as published. Every text is an inline string, never a formula, so
/// <c>=100.00(%)</c> shows as printed with no apostrophe and nothing in a cell can run.
/// </summary>
public static class WorkbookWriter
{
    /// <summary>One sheet: a table's title, its columns, and the rows to write.</summary>
    public sealed record WorkbookSheet(string Title, IReadOnlyList<DataColumn> Columns, IEnumerable<object?[]> Rows);

    private const string DateFormat = "yyyy-mm-dd";
    private const string Prefix = "x";
    private const string Namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // The parts the SDK saves itself carry no byte-order mark; a streamed sheet leaves it out too (same bytes as before).
    private static readonly System.Text.Encoding NoMark = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <param name="stamp">The date every part of the file carries, so the same content writes the same bytes.</param>
    /// <param name="piped">
    /// Whether each sheet's XML is made on a thread of its own while this one compresses it (<see cref="PipedWrite"/>):
    /// for the site workbook, which is made while the other core has little else to do. The bytes are the same.
    /// </param>
    public static byte[] Write(IReadOnlyList<WorkbookSheet> sheets, DateOnly stamp, bool piped = false)
    {
        using var output = new MemoryStream();
        Write(output, sheets, stamp, piped);
        return output.ToArray();
    }

    /// <summary>The workbook into <paramref name="output"/>, which must be seekable (the bytes are those of <see cref="Write(IReadOnlyList{WorkbookSheet}, DateOnly, bool)"/>).</summary>
    public static void Write(Stream output, IReadOnlyList<WorkbookSheet> sheets, DateOnly stamp, bool piped = false)
    {
        // A zip archive written where it cannot seek puts its sizes after each entry instead: other bytes.
        ArgumentOutOfRangeException.ThrowIfNotEqual(output.CanSeek, true, nameof(output));

        // The number formats first (a pass over the rows): the styles part names them, and the sheets point at them.
        var formats = new Formats();
        foreach (var value in sheets.SelectMany(s => s.Rows).SelectMany(r => r))
        {
            _ = value switch
            {
                PrintedNumber { Format: { Length: > 0 } format } => formats.Number(format),
                DateOnly => formats.Number(DateFormat),
                _ => 0u,
            };
        }

        // The package's own parts (content types, relationships, workbook, styles) from the SDK, with the sheets empty:
        // an archive the SDK writes is in update mode, which holds every part uncompressed in memory until it closes,
        // and the site workbook of 100,000 forms has over a gigabyte of sheet XML.
        using var package = new MemoryStream();
        var sheetParts = new Dictionary<string, WorkbookSheet>(StringComparer.Ordinal);
        using (var document = SpreadsheetDocument.Create(package, SpreadsheetDocumentType.Workbook))
        {
            // Relationship ids given, not generated (the SDK's are random): the same tables write the same bytes.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            var list = new Sheets();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>("rId" + sheetId.ToString(CultureInfo.InvariantCulture));
                sheetParts[part.Uri.OriginalString.TrimStart('/')] = sheet;
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(sheet.Title) });
            }

            workbook.Workbook = new Workbook(list);
            workbook.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = formats.Stylesheet();
        }

        // Then the file, entry by entry in the package's order, each compressed as it is written: the sheets streamed a
        // row at a time into theirs. The entries carry the content's own date, not the write time (reproducible builds).
        var time = new DateTimeOffset(Math.Max(stamp.Year, 1980), stamp.Month, stamp.Day, 0, 0, 0, TimeSpan.Zero);
        using (var parts = new ZipArchive(package, ZipArchiveMode.Read))
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in parts.Entries)
            {
                // Stored as the package stored it (the SDK keeps a part uncompressed when that is smaller).
                var stored = part.CompressedLength == part.Length && part.Length > 0;
                var entry = zip.CreateEntry(part.FullName, stored ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                entry.LastWriteTime = time;
                using var target = entry.Open();
                if (sheetParts.TryGetValue(part.FullName, out var sheet))
                {
                    if (piped)
                    {
                        PipedWrite.Into(target, xml => WriteSheet(xml, sheet, formats));
                    }
                    else
                    {
                        WriteSheet(target, sheet, formats);
                    }
                }
                else
                {
                    using var source = part.Open();
                    source.CopyTo(target);
                }
            }
        }
    }

    /// <summary>
    /// A sheet as XML text, a row at a time: the site workbook has a row per indicator, and an element object per cell
    /// (the SDK's OpenXmlWriter) cost four times the time of writing the same bytes here.
    /// </summary>
    private static void WriteSheet(Stream target, WorkbookSheet sheet, Formats formats)
    {
        using var writer = XmlWriter.Create(target, new XmlWriterSettings { Encoding = NoMark });
        writer.WriteStartDocument();
        writer.WriteStartElement(Prefix, "worksheet", Namespace);

        // The header row stays in view while the reader scrolls.
        writer.WriteStartElement(Prefix, "sheetViews", Namespace);
        writer.WriteStartElement(Prefix, "sheetView", Namespace);
        writer.WriteAttributeString("workbookViewId", "0");
        writer.WriteStartElement(Prefix, "pane", Namespace);
        writer.WriteAttributeString("ySplit", "1");
        writer.WriteAttributeString("topLeftCell", "A2");
        writer.WriteAttributeString("activePane", "bottomLeft");
        writer.WriteAttributeString("state", "frozen");
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement(Prefix, "sheetData", Namespace);
        var references = new CellReferences();
        uint row = 1;
        WriteRow(writer, references, row++, sheet.Columns.Select(c => (object?)c.Name), formats, header: true);
        foreach (var cells in sheet.Rows)
        {
            WriteRow(writer, references, row++, cells, formats, header: false);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static void WriteRow(XmlWriter writer, CellReferences references, uint index, IEnumerable<object?> cells, Formats formats, bool header)
    {
        var number = index.ToString(CultureInfo.InvariantCulture);
        writer.WriteStartElement(Prefix, "row", Namespace);
        writer.WriteAttributeString("r", number);
        var column = 0;
        foreach (var value in cells)
        {
            var reference = references.Column(column++);
            if (value is null)
            {
                continue;
            }

            writer.WriteStartElement(Prefix, "c", Namespace);
            writer.WriteAttributeString("r", reference + number);
            WriteCell(writer, value, formats, header ? formats.Header : null);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary>A cell's style, type and value, in the order of the schema (s, t, then v or is).</summary>
    private static void WriteCell(XmlWriter writer, object value, Formats formats, uint? style)
    {
        switch (value)
        {
            case PrintedNumber p:
                Value(p.Number.ToString(CultureInfo.InvariantCulture), style ?? (p.Format is { Length: > 0 } format ? formats.Number(format) : null), type: null);
                break;
            case decimal d:
                Value(d.ToString(CultureInfo.InvariantCulture), style, type: null);
                break;
            case int i:
                Value(i.ToString(CultureInfo.InvariantCulture), style, type: null);
                break;
            case bool b:
                Value(b ? "1" : "0", style, type: "b");
                break;
            case DateOnly date:
                Value(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), style ?? formats.Number(DateFormat), type: null);
                break;
            default:
                Attributes(style, "inlineStr");
                writer.WriteStartElement(Prefix, "is", Namespace);
                writer.WriteStartElement(Prefix, "t", Namespace);
                writer.WriteAttributeString("xml", "space", null, "preserve");
                writer.WriteString(value.ToString() ?? string.Empty);
                writer.WriteEndElement();
                writer.WriteEndElement();
                break;
        }

        void Value(string text, uint? styleIndex, string? type)
        {
            Attributes(styleIndex, type);
            writer.WriteElementString(Prefix, "v", Namespace, text);
        }

        void Attributes(uint? styleIndex, string? type)
        {
            if (styleIndex is { } s)
            {
                writer.WriteAttributeString("s", s.ToString(CultureInfo.InvariantCulture));
            }

            if (type is not null)
            {
                writer.WriteAttributeString("t", type);
            }
        }
    }

    /// <summary>Column names (A, B, … AA …), each made once per sheet.</summary>
    private sealed class CellReferences
    {
        private readonly List<string> names = [];

        public string Column(int index)
        {
            while (names.Count <= index)
            {
                names.Add(ColumnName(names.Count));
            }

            return names[index];
        }
    }

    /// <summary>A, B, … Z, AA, AB …</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string title)
    {
        var name = new string([.. title.Where(c => "[]:*?/\\".IndexOf(c, StringComparison.Ordinal) < 0)]);
        return name.Length > 31 ? name[..31] : name;
    }

    /// <summary>The cell styles: the default, the bold header, and one per number format the tables use.</summary>
    private sealed class Formats
    {
        private const uint FirstCustomFormat = 164;
        private readonly List<string> numberFormats = [];

        public uint Header => 1;

        /// <summary>The style of a number shown in this format (<c>#,##0.00</c>).</summary>
        public uint Number(string format)
        {
            var index = numberFormats.IndexOf(format);
            if (index < 0)
            {
                numberFormats.Add(format);
                index = numberFormats.Count - 1;
            }

            return (uint)index + 2;
        }

        public Stylesheet Stylesheet() => new(
            new NumberingFormats(numberFormats.Select((f, i) => new NumberingFormat { NumberFormatId = FirstCustomFormat + (uint)i, FormatCode = f })) { Count = (uint)numberFormats.Count },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                [
                    new CellFormat(),
                    new CellFormat { FontId = 1, ApplyFont = true },
                    .. numberFormats.Select((_, i) => new CellFormat { NumberFormatId = FirstCustomFormat + (uint)i, ApplyNumberFormat = true }),
                ])
            { Count = (uint)numberFormats.Count + 2 });
    }
}
