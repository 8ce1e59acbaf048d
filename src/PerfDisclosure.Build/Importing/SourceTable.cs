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
    public static SourceTable FromTsv(string file, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var rows = lines.Select((line, i) => (IReadOnlyList<SourceCell>)[.. line.Split('\t').Select((cell, j) => new SourceCell(i + 1, j + 1, cell.Trim()))]).ToList();
        return new SourceTable(file, rows);
    }
}
