using System.Globalization;
using System.Text;
using System.Xml;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// One sheet's XML read as a stream: the cells that hold a value, by their reference (<c>r="B3"</c>, or the next
/// place when a cell gives none), with shared and inline strings, numbers and dates read as Excel shows them;
/// merged ranges (<c>mergeCell</c>) keep only their first cell. The dimension a sheet declares is not trusted:
/// nothing is sized by it.
/// </summary>
internal sealed class XlsxSheet(string table, IReadOnlyList<string> shared, HashSet<int> dateStyles, bool date1904, XlsxSheet.Counter counter)
{
    /// <summary>Excel's last column (XFD) and row: a reference past them is no reference.</summary>
    private const int ExcelColumns = 16_384;
    private const int ExcelRows = 1_048_576;

    public List<SourceCell> Read(XmlReader xml)
    {
        using (xml)
        {
            var cells = new List<SourceCell>();
            var merges = new List<(int Row1, int Column1, int Row2, int Column2)>();
            var (row, column) = (0, 0);
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "row":
                        row = xml.GetAttribute("r") is { } number ? RowNumber(number) : row + 1;
                        column = 0;
                        break;
                    case "c":
                        (row, column) = xml.GetAttribute("r") is { } reference ? Reference(reference) : (Math.Max(row, 1), column + 1);
                        if (Value(xml, row, column) is { Length: > 0 } text)
                        {
                            counter.Cell(table, row, column, text);
                            cells.Add(new SourceCell(row, column, text));
                        }

                        break;
                    case "mergeCell" when xml.GetAttribute("ref") is { } range:
                        counter.Merge(table);
                        var parts = range.Split(':');
                        var (r1, c1) = Reference(parts[0]);
                        var (r2, c2) = parts.Length == 2 ? Reference(parts[1]) : (r1, c1);
                        merges.Add((Math.Min(r1, r2), Math.Min(c1, c2), Math.Max(r1, r2), Math.Max(c1, c2)));
                        break;
                }
            }

            var ordered = cells.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
            ordered = [.. ordered.Where((c, i) => i == 0 || c.Row != ordered[i - 1].Row || c.Column != ordered[i - 1].Column)];
            return Unmerged(ordered, merges);
        }
    }

    /// <summary>The cells without those a merged range hides (all but its first): Excel shows only the first.</summary>
    private List<SourceCell> Unmerged(List<SourceCell> cells, List<(int Row1, int Column1, int Row2, int Column2)> merges)
    {
        if (merges.Count == 0 || cells.Count == 0)
        {
            return cells;
        }

        var rowStarts = new List<int>();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i == 0 || cells[i].Row != cells[i - 1].Row)
            {
                rowStarts.Add(i);
            }
        }

        var rowNumbers = rowStarts.Select(i => cells[i].Row).ToArray();
        rowStarts.Add(cells.Count);
        var hidden = new bool[cells.Count];
        foreach (var (row1, column1, row2, column2) in merges)
        {
            var at = Array.BinarySearch(rowNumbers, row1);
            for (var r = at < 0 ? ~at : at; r < rowNumbers.Length && rowNumbers[r] <= row2; r++)
            {
                counter.MergeWork(table);
                for (var i = rowStarts[r]; i < rowStarts[r + 1] && cells[i].Column <= column2; i++)
                {
                    if (cells[i].Column >= column1 && (cells[i].Row, cells[i].Column) != (row1, column1))
                    {
                        hidden[i] = true;
                        counter.MergeWork(table);
                    }
                }
            }
        }

        return [.. cells.Where((_, i) => !hidden[i])];
    }

    /// <summary>The text of the cell the reader stands on, as Excel shows it; empty when it holds none.</summary>
    private string Value(XmlReader xml, int row, int column)
    {
        if (xml.IsEmptyElement)
        {
            return string.Empty;
        }

        var (type, style) = (xml.GetAttribute("t"), xml.GetAttribute("s"));
        var where = $"cell {Name(row, column)}";
        string? value = null, inline = null;
        var depth = xml.Depth;
        xml.Read();
        while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "v")
            {
                value = counter.Text(xml, table, where, rich: false);
            }
            else if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "is")
            {
                inline = counter.RichText(xml, table, where);
            }
            else if (xml.NodeType == XmlNodeType.Element && !xml.IsEmptyElement)
            {
                // A formula or an extension: its text is not the value.
                xml.Skip();
                continue;
            }

            xml.Read();
        }

        return type switch
        {
            "s" => value is null ? string.Empty : SharedString(value, row, column),
            "inlineStr" => XlsxText.Decode(inline ?? value ?? string.Empty).Trim(),
            "str" or "e" => XlsxText.Decode(value ?? string.Empty).Trim(),
            "b" => value?.Trim() switch { "1" or "true" => "TRUE", "0" or "false" => "FALSE", var other => other ?? string.Empty },
            "d" => value is not null && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value?.Trim() ?? string.Empty,
            _ => value is null ? XlsxText.Decode(inline ?? string.Empty).Trim()
                : XlsxText.Number(value, int.TryParse(style, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && dateStyles.Contains(s), date1904),
        };
    }

    private string SharedString(string? value, int row, int column)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= shared.Count)
        {
            throw new SourceFileException($"{table}:{row}:{column}: cell {Name(row, column)} refers to shared string '{XlsxText.Shown(value ?? string.Empty)}', but the workbook has {shared.Count}: the workbook is damaged");
        }

        return shared[index].Trim();
    }

    private int RowNumber(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row is >= 1 and <= ExcelRows
            ? row
            : throw new SourceFileException($"{table}: row number '{XlsxText.Shown(text)}' is not one Excel allows (1 to {ExcelRows}): the workbook is damaged");

    /// <summary>A cell reference (<c>B3</c>, <c>$B$3</c>) as row and column.</summary>
    private (int Row, int Column) Reference(string text)
    {
        var span = text.AsSpan().Trim();
        var column = 0;
        var i = 0;
        for (; i < span.Length && (span[i] == '$' || char.IsAsciiLetter(span[i])) && column <= ExcelColumns; i++)
        {
            column = span[i] == '$' ? column : (column * 26) + (char.ToUpperInvariant(span[i]) - 'A' + 1);
        }

        var digits = span[i..].TrimStart('$');
        if (column is < 1 or > ExcelColumns || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) || row is < 1 or > ExcelRows)
        {
            throw new SourceFileException($"{table}: cell reference '{XlsxText.Shown(text)}' is not one Excel allows (A1 to XFD{ExcelRows}): the workbook is damaged");
        }

        return (row, column);
    }

    /// <summary>A column and row as Excel names the cell: 1, 1 is A1.</summary>
    public static string Name(int row, int column)
    {
        var letters = string.Empty;
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>What a workbook holds so far, over all its sheets, against its <see cref="SourceLimits"/>.</summary>
    internal sealed class Counter(string file, SourceLimits limits)
    {
        private long cells, characters, merges, mergeWork;

        public void Cell(string table, int row, int column, string text)
        {
            if (row > limits.MaxRows)
            {
                throw new SourceFileException($"{table}:{row}:{column}: cell {Name(row, column)} is in row {row}, past the limit of {limits.MaxRows} rows (the row limit)");
            }

            if (column > limits.MaxColumns)
            {
                throw new SourceFileException($"{table}:{row}:{column}: cell {Name(row, column)} is in column {column}, past the limit of {limits.MaxColumns} columns (the column limit)");
            }

            if (++cells > limits.MaxCells)
            {
                throw new SourceFileException($"{file}: more than {limits.MaxCells} cells hold a value (the cell limit), at {table}:{row}:{column}");
            }

            characters += text.Length;
            if (characters > limits.MaxUncompressedBytes)
            {
                throw new SourceFileException($"{file}: its cells hold more than {limits.MaxUncompressedBytes} characters of text (the uncompressed size limit), at {table}:{row}:{column}");
            }
        }

        public void SharedString(int count)
        {
            if (count >= limits.MaxCells)
            {
                throw new SourceFileException($"{file}: more than {limits.MaxCells} shared strings (the cell limit)");
            }
        }

        public void Merge(string table)
        {
            if (++merges > limits.MaxCells)
            {
                throw new SourceFileException($"{table}: more than {limits.MaxCells} merged ranges (the cell limit)");
            }
        }

        public void MergeWork(string table)
        {
            if (++mergeWork > 16L * limits.MaxCells)
            {
                throw new SourceFileException($"{table}: its merged ranges cover more than {16L * limits.MaxCells} rows and cells to check (16 times the cell limit): overlapping or oversized merges");
            }
        }

        /// <summary>The text of a <c>si</c> or <c>is</c> element: its <c>t</c> elements joined, phonetic guides (<c>rPh</c>) left out.</summary>
        public string RichText(XmlReader xml, string table, string where) => Text(xml, table, where, rich: true);

        /// <summary>The text inside the element the reader stands on, read in chunks and refused past the cell size limit; the reader ends on its end tag.</summary>
        public string Text(XmlReader xml, string table, string where, bool rich)
        {
            if (xml.IsEmptyElement)
            {
                return string.Empty;
            }

            var text = new StringBuilder();
            var buffer = new char[4096];
            var depth = xml.Depth;
            var inT = -1;
            xml.Read();
            while (!xml.EOF && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
            {
                switch (xml.NodeType)
                {
                    case XmlNodeType.Element when rich && xml.LocalName is "rPh" or "phoneticPr" && !xml.IsEmptyElement:
                        xml.Skip();
                        continue;
                    case XmlNodeType.Element when rich && xml.LocalName == "t" && !xml.IsEmptyElement:
                        inT = xml.Depth;
                        break;
                    case XmlNodeType.EndElement when xml.Depth == inT:
                        inT = -1;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when !rich || xml.Depth == inT + 1:
                        int read;
                        while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                        {
                            text.Append(buffer, 0, read);
                            if (text.Length > limits.MaxCellChars)
                            {
                                throw new SourceFileException($"{table}: {where} holds more than {limits.MaxCellChars} characters (the cell size limit)");
                            }
                        }

                        break;
                }

                xml.Read();
            }

            return text.ToString();
        }
    }
}
