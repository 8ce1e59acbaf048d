namespace PerfDisclosure.Build.Importing;

/// <summary>One cell of a table being imported, with its place in the source (1-based row and column).</summary>
public sealed record SourceCell(int Row, int Column, string Text)
{
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>
/// A sheet or a tab-separated text as rows of cells. A merged cell keeps its text in its first cell and leaves the
/// others empty, which is also how Excel copies merged cells as text and how PDF extraction prints them.
/// </summary>
public sealed record SourceTable(string File, IReadOnlyList<IReadOnlyList<SourceCell>> Rows)
{
    /// <summary>Tab-separated text, one row per line, as copied from Excel or extracted from a PDF.</summary>
    /// <exception cref="SourceFileException">The text passes a limit (rows, columns, cells, characters per cell).</exception>
    public static SourceTable FromTsv(string file, string text, SourceLimits? limits = null)
    {
        limits ??= SourceLimits.Default;
        var rows = new List<IReadOnlyList<SourceCell>>();
        var cells = 0;
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var number = rows.Count + 1;
            if (number > limits.MaxRows)
            {
                throw new SourceFileException($"{file}:{number}: more than {limits.MaxRows} lines (the row limit)");
            }

            var row = new List<SourceCell>();
            foreach (var part in line.Split('\t'))
            {
                var column = row.Count + 1;
                var cell = part.Trim();
                if (column > limits.MaxColumns)
                {
                    throw new SourceFileException($"{file}:{number}:{column}: more than {limits.MaxColumns} tab-separated columns (the column limit)");
                }

                if (cell.Length > limits.MaxCellChars)
                {
                    throw new SourceFileException($"{file}:{number}:{column}: the cell holds more than {limits.MaxCellChars} characters (the cell size limit)");
                }

                if (cell.Length > 0 && ++cells > limits.MaxCells)
                {
                    throw new SourceFileException($"{file}:{number}:{column}: more than {limits.MaxCells} cells hold a value (the cell limit)");
                }

                row.Add(new SourceCell(number, column, cell));
            }

            rows.Add(row);
        }

        return new SourceTable(file, rows);
    }
}
