namespace PerfDisclosure.Build.Importing;

/// <summary>
/// How much one file given to <c>import</c> may hold, like <see cref="Loading.YamlLimits"/> and
/// <see cref="Loading.ContentText.MaxBytes"/> for content: a workbook is a zip of XML, so a file of 1.5 KB can
/// declare a cell at XFD1048576 or inflate to gigabytes. Every limit is checked while the file is read, before
/// the next cell is kept, so memory follows the cells the file holds, never the grid they span or the size the
/// zip claims; passing one is a <see cref="SourceFileException"/> naming the file, the place and the limit.
/// The largest real form workbook (a compilation of 52 forms) has about 3,000 rows, 12 columns and 20,000 cells.
/// </summary>
public sealed record SourceLimits
{
    public static SourceLimits Default { get; } = new();

    /// <summary>The highest row number a sheet (or a text, by lines) may use.</summary>
    public int MaxRows { get; init; } = 65_536;

    /// <summary>The highest column a sheet (or a line of text, by tabs) may use: column IV, Excel 2003's last.</summary>
    public int MaxColumns { get; init; } = 256;

    /// <summary>Cells holding a value, over all the sheets of a file; also the most shared strings and merged ranges.</summary>
    public int MaxCells { get; init; } = 200_000;

    /// <summary>Characters in one cell: Excel's own limit.</summary>
    public int MaxCellChars { get; init; } = 32_767;

    /// <summary>
    /// Bytes of the file, of the XML inflated from it (counted as it is inflated, whatever the zip declares), and
    /// characters of text in all its cells together (a shared string used by many cells counts each time).
    /// </summary>
    public long MaxUncompressedBytes { get; init; } = 64L << 20;

    /// <summary>Inflated bytes per compressed byte of a zip entry past its first MiB: a zip bomb, not a workbook (Apache POI uses 100 too).</summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>An entry may inflate this much before its ratio is judged: small XML compresses well and is harmless.</summary>
    public long RatioGraceBytes { get; init; } = 1L << 20;

    /// <summary>Pages a PDF may have: a compilation of 52 one-to-three-page forms has about 120.</summary>
    public int MaxPdfPages { get; init; } = 1_000;

    /// <summary>Letters and path segments one PDF page may draw (a dense form page draws about 3,000 letters and 200 segments).</summary>
    public int MaxPdfPageObjects { get; init; } = 100_000;
}

/// <summary>
/// A file <c>import</c> cannot read: not a workbook, damaged, or past a <see cref="SourceLimits"/> limit. The only
/// exception the readers (<see cref="XlsxReader"/>, <see cref="SourceTable.FromTsv"/>) let out for a bad file; its
/// message is one line naming the file (and the sheet, row and column where there is one).
/// </summary>
public sealed class SourceFileException(string message, Exception? inner = null) : IOException(message, inner)
{
    /// <summary>The finding it is (PD1011 unless said otherwise: PD1010 for a PDF that holds no text).</summary>
    public Core.Validation.Rule Rule { get; init; } = Core.Validation.Rules.Import.ImportRules.Unreadable;

    /// <summary>The same in Chinese, where a throw site says it; else the Chinese line is the code's title before <see cref="Exception.Message"/>.</summary>
    public string? MessageZh { get; init; }
}
