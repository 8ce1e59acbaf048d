using System.Globalization;
using System.Text;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Where a cell of a source is, as its reader would look for it: <c>book.xlsx:表1!B3</c> in a workbook (the table of a
/// sheet is named <c>book.xlsx#表1</c>), <c>form.pdf:2:14</c> (page 2, line 14) in a PDF (its table is named
/// <c>form.pdf#p</c> and numbers rows as page × <see cref="PdfPageRows"/> + line), <c>file.txt:3:2</c> (line 3,
/// column 2) in text; the file alone when the finding has no cell.
/// </summary>
public static class SourcePlace
{
    /// <summary>Rows a PDF page may hold: a PDF table's row number carries its page.</summary>
    public const int PdfPageRows = 10_000;

    public static string Of(string file, int row, int column)
    {
        var sheet = file.LastIndexOf('#');
        if (sheet > 0 && file.EndsWith("#p", StringComparison.Ordinal) && sheet == file.Length - 2)
        {
            var pdf = file[..sheet];
            return row <= 0 ? pdf : string.Create(CultureInfo.InvariantCulture, $"{pdf}:{row / PdfPageRows}:{row % PdfPageRows}");
        }

        if (sheet > 0 && IsWorkbook(file[..sheet]))
        {
            var book = file[..sheet];
            return row <= 0 ? book : $"{book}:{file[(sheet + 1)..]}!{ColumnName(column)}{row.ToString(CultureInfo.InvariantCulture)}";
        }

        return row <= 0 ? file : string.Create(CultureInfo.InvariantCulture, $"{file}:{row}:{column}");
    }

    /// <summary>The column's letters as a spreadsheet names it: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int column)
    {
        var name = new StringBuilder();
        for (var c = Math.Max(column, 1); c > 0; c = (c - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((c - 1) % 26)));
        }

        return name.ToString();
    }

    private static bool IsWorkbook(string file) => file.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);
}
