using PerfDisclosure.Build.Loading;
using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// <c>perfdisclosure import</c>: reads .xlsx workbooks, PDFs that carry text (<see cref="PdfReader"/>) or tab-separated text, and writes each form found as
/// <c>forms/&lt;owner&gt;/&lt;year&gt;/&lt;slug&gt;.yaml</c>; all or nothing, never overwriting a file (<see cref="ImportWriter"/>).
/// </summary>
public static class FormImport
{
    /// <summary>Reads one file's tables: every sheet of a workbook, or the text as one table.</summary>
    /// <exception cref="SourceFileException">The file cannot be read, is no workbook, or passes a limit.</exception>
    public static IReadOnlyList<SourceTable> ReadTables(string path, SourceLimits? limits = null) => ReadTables(path, limits ?? SourceLimits.Default, []);

    /// <exception cref="SourceFileException">The file cannot be read, is no workbook, or passes a limit.</exception>
    public static ImportResult Read(string path, ImportSettings settings, SourceLimits? limits = null)
    {
        var notes = new List<ImportNote>();
        var results = ReadTables(path, limits ?? SourceLimits.Default, notes).Select(t => Import(t, settings)).ToList();
        return new ImportResult([.. results.SelectMany(r => r.Forms)], [.. results.SelectMany(r => r.Unplaced)], [.. notes, .. results.SelectMany(r => r.Notes)]);
    }

    /// <summary>Writes the complete forms of one file (and the organisations they need); returns the files written or updated.</summary>
    public static IReadOnlyList<string> Write(ImportResult result, string source, string contentDir, ImportSettings settings)
    {
        var plan = ImportWriter.Plan([(result, source)], contentDir, settings);
        ImportWriter.Commit(plan);
        return [.. plan.Where(f => f.Outcome != ImportOutcome.Unchanged).Select(f => f.Path)];
    }

    /// <summary>A table's forms; text of one cell per line is first put back into rows (<see cref="OneCellPerLine"/>).</summary>
    private static ImportResult Import(SourceTable table, ImportSettings settings)
    {
        if (!OneCellPerLine.Is(table, settings))
        {
            return TableImporter.Import(table, settings);
        }

        var (rows, lines, assumed) = OneCellPerLine.Rebuild(table, settings);
        return OneCellPerLine.Remap(TableImporter.Import(rows, settings), lines, assumed);
    }

    private static List<SourceTable> ReadTables(string path, SourceLimits limits, List<ImportNote> notes)
    {
        var display = ContentLoader.DisplayPath(path);
        try
        {
            return Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".xlsx" or ".xlsm" => [.. XlsxReader.Read(path, display, limits)],
                ".pdf" => [PdfReader.Read(path, display, limits, notes)],
                _ => [SourceTable.FromTsv(display, Text(path, display, limits, notes), limits)],
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not SourceFileException)
        {
            throw new SourceFileException($"{display}: cannot be read ({e.Message})", e);
        }
    }

    /// <summary>A text file decoded as content files are (<see cref="ContentText"/>): UTF-8, or GBK/GB18030 with the same warning.</summary>
    private static string Text(string path, string display, SourceLimits limits, List<ImportNote> notes)
    {
        var size = new FileInfo(path).Length;
        if (size > limits.MaxUncompressedBytes)
        {
            throw new SourceFileException($"{display}: the file is {size} bytes, over the limit of {limits.MaxUncompressedBytes} bytes (the uncompressed size limit)");
        }

        var diagnostics = new DiagnosticBag();
        try
        {
            var text = ContentText.Decode(File.ReadAllBytes(path), display, diagnostics);
            notes.AddRange(diagnostics.ToList().Select(d => new ImportNote(display, 0, 0, Core.Validation.RuleSet.Default.Find(d.Code)!, d.Message, d.MessageEn)));
            return text;
        }
        catch (ContentException e)
        {
            throw new SourceFileException($"{e.Diagnostic.Where}: {e.Diagnostic.Code} {e.Diagnostic.MessageEn}", e);
        }
    }
}
