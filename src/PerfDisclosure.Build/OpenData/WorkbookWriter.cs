using System.Globalization;
using System.IO.Compression;
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

    /// <param name="stamp">The date every part of the file carries, so the same content writes the same bytes.</param>
    public static byte[] Write(IReadOnlyList<WorkbookSheet> sheets, DateOnly stamp)
    {
        using var memory = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(memory, SpreadsheetDocumentType.Workbook))
        {
            // Relationship ids given, not generated (the SDK's are random): the same tables write the same bytes.
            var workbook = document.AddNewPart<WorkbookPart>("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "rId1");
            var formats = new Formats();
            var list = new Sheets();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>("rId" + sheetId.ToString(CultureInfo.InvariantCulture));
                var data = new SheetData();
                uint row = 1;
                data.Append(Row(row++, sheet.Columns.Select(c => (object?)c.Name), formats, header: true));
                foreach (var cells in sheet.Rows)
                {
                    data.Append(Row(row++, cells, formats, header: false));
                }

                // The header row stays in view while the reader scrolls.
                var pane = new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen };
                part.Worksheet = new Worksheet(new SheetViews(new SheetView(pane) { WorkbookViewId = 0 }), data);
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(sheet.Title) });
            }

            workbook.Workbook = new Workbook(list);
            workbook.AddNewPart<WorkbookStylesPart>("rIdStyles").Stylesheet = formats.Stylesheet();
        }

        // The zip entries carry the write time; the content's own date keeps builds reproducible.
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Update, leaveOpen: true))
        {
            var time = new DateTimeOffset(Math.Max(stamp.Year, 1980), stamp.Month, stamp.Day, 0, 0, 0, TimeSpan.Zero);
            foreach (var entry in zip.Entries)
            {
                entry.LastWriteTime = time;
            }
        }

        return memory.ToArray();
    }

    private static Row Row(uint index, IEnumerable<object?> cells, Formats formats, bool header)
    {
        var row = new Row { RowIndex = index };
        var column = 0;
        foreach (var value in cells)
        {
            var reference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            if (value is null)
            {
                continue;
            }

            var cell = Cell(value, formats);
            cell.CellReference = reference;
            if (header)
            {
                cell.StyleIndex = formats.Header;
            }

            row.Append(cell);
        }

        return row;
    }

    private static Cell Cell(object value, Formats formats) => value switch
    {
        PrintedNumber p => Number(p.Number, p.Format is { Length: > 0 } format ? formats.Number(format) : null),
        decimal d => Number(d, null),
        int i => Number(i, null),
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        DateOnly date => new Cell
        {
            CellValue = new CellValue(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)),
            StyleIndex = formats.Number(DateFormat),
        },
        _ => new Cell
        {
            DataType = CellValues.InlineString,
            InlineString = new InlineString(new Text(value.ToString() ?? string.Empty) { Space = SpaceProcessingModeValues.Preserve }),
        },
    };

    private static Cell Number(decimal number, uint? style) =>
        new() { CellValue = new CellValue(number.ToString(CultureInfo.InvariantCulture)), StyleIndex = style };

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
                ]) { Count = (uint)numberFormats.Count + 2 });
    }
}
