using System.Globalization;
using PerfDisclosure.Core.Validation.Rules.Import;
using UglyToad.PdfPig;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// A published PDF as one table (<c>form.pdf#p</c>, rows numbered page × <see cref="SourcePlace.PdfPageRows"/> + line,
/// so a finding reads <c>form.pdf:2:14</c>): each page's lines (<see cref="PdfPageTable"/>) one after the other, so a
/// compilation's forms follow each other as in a workbook and <see cref="TableImporter"/> finds each by its title;
/// its cover and contents are lines above the first form. Read with PdfPig in this process, no program is run.
/// A line alone at the foot of a page, below its table (第 1 页 共 12 页), is the page's number, left out and told
/// (PD1030). A PDF with no text (a scan) is PD1010; a file PdfPig cannot open (damaged, encrypted with a password,
/// no PDF), or past a limit of <see cref="SourceLimits"/> (bytes, pages, letters and lines per page), is PD1011.
/// </summary>
public static class PdfReader
{
    /// <summary>The share of the page's height at its foot where a line alone below the table is the page's number or footer.</summary>
    private const double Foot = 0.1;

    /// <exception cref="SourceFileException">The PDF cannot be read, holds no text, or passes a limit.</exception>
    public static SourceTable Read(string path, string display, SourceLimits limits, List<ImportNote> notes)
    {
        var size = new FileInfo(path).Length;
        if (size > limits.MaxUncompressedBytes)
        {
            throw new SourceFileException($"{display}: the file is {size} bytes, over the limit of {limits.MaxUncompressedBytes} bytes (the uncompressed size limit)");
        }

        var table = display + "#p";
        var rows = new List<IReadOnlyList<SourceCell>>();
        var (letters, images, cells) = (0, 0, 0);
        try
        {
            using var document = PdfDocument.Open(path, new ParsingOptions { SkipMissingFonts = true });
            if (document.NumberOfPages > limits.MaxPdfPages)
            {
                throw new SourceFileException(string.Create(CultureInfo.InvariantCulture, $"{display}: {document.NumberOfPages} pages, more than {limits.MaxPdfPages} (the page limit)"));
            }

            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                var page = document.GetPage(number);
                var overLimit = () => string.Create(CultureInfo.InvariantCulture, $"{display}: page {number} draws more than {limits.MaxPdfPageObjects} letters or lines (the page limit)");
                if (page.Letters.Count > limits.MaxPdfPageObjects)
                {
                    throw new SourceFileException(overLimit());
                }

                var segments = PdfRuling.Of(page, limits.MaxPdfPageObjects, overLimit);
                (letters, images) = (letters + page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value)), images + page.NumberOfImages);
                var lines = PdfPageTable.Lines(page.Letters, segments);
                var lowestRuled = lines.Where(l => l.Ruled).Select(l => l.Top).DefaultIfEmpty(double.MaxValue).Min();
                var line = 0;
                foreach (var l in lines)
                {
                    var row = (number * SourcePlace.PdfPageRows) + (++line);
                    if (line >= SourcePlace.PdfPageRows)
                    {
                        throw new SourceFileException(string.Create(CultureInfo.InvariantCulture, $"{display}: page {number} has more than {SourcePlace.PdfPageRows - 1} lines (the page limit)"));
                    }

                    if (!l.Ruled && l.Cells.Count == 1 && l.Top < lowestRuled && l.Top < page.Height * Foot)
                    {
                        notes.Add(new ImportNote(table, row, 1, PdfImportRules.PageFurniture, $"页脚（页码）不属于表格，未导入：“{l.Cells[0].Text}”", $"the page's footer (its number) is not part of the table and is left out: “{l.Cells[0].Text}”"));
                        rows.Add([new SourceCell(row, 1, string.Empty)]);
                        continue;
                    }

                    var source = new List<SourceCell>();
                    foreach (var (column, text) in l.Cells)
                    {
                        if (text.Length > limits.MaxCellChars || column > limits.MaxColumns || ++cells > limits.MaxCells)
                        {
                            throw new SourceFileException(string.Create(CultureInfo.InvariantCulture, $"{SourcePlace.Of(table, row, column)}: past a cell limit ({limits.MaxCells} cells of at most {limits.MaxCellChars} characters, {limits.MaxColumns} columns)"));
                        }

                        source.AddRange(Enumerable.Range(source.Count + 1, column - source.Count - 1).Select(c => new SourceCell(row, c, string.Empty)));
                        source.Add(new SourceCell(row, column, text));
                    }

                    rows.Add(source.Count == 0 ? [new SourceCell(row, 1, string.Empty)] : source);
                }
            }
        }
        catch (Exception e) when (e is not SourceFileException and not OutOfMemoryException)
        {
            // PdfPig reads a hostile file: whatever it throws means the file is no PDF this tool can read.
            var why = e is UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException ? "it is encrypted with a password" : "it is damaged or not a PDF";
            throw new SourceFileException($"{display}: cannot be read as a PDF: {why} ({e.Message})", e);
        }

        if (letters == 0)
        {
            throw new SourceFileException(images > 0
                ? $"{display}: the PDF holds no text, only {images} image(s): a scan; import the form's spreadsheet or a PDF printed from it"
                : $"{display}: the PDF holds no text")
            {
                Rule = ImportRules.ScannedPdf,
                MessageZh = images > 0
                    ? $"{display}：PDF 中没有文字，只有 {images} 张图片，是扫描件；请导入表单的表格文件，或由它打印的 PDF"
                    : $"{display}：PDF 中没有文字",
            };
        }

        return new SourceTable(table, rows);
    }
}
