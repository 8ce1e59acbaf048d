using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace PerfDisclosure.Build.Pdf;

/// <summary>One cell of a rendered table, placed on the table's grid (HTML's table model: rowspans and colspans).</summary>
/// <param name="Lines">The cell's text, one entry per line or paragraph, whitespace collapsed.</param>
/// <param name="Header">A <c>th</c> (bold, centred), else a <c>td</c>.</param>
/// <param name="Numeric">Right-aligned (<c>class="num"</c>), as the web page prints amounts.</param>
/// <param name="Scope">The <c>scope</c> attribute of a <c>th</c> (col, row, rowgroup …), empty when it has none.</param>
public sealed record TableCell(IReadOnlyList<string> Lines, bool Header, bool Numeric, int Row, int Column, int RowSpan, int ColumnSpan, string Scope = "")
{
    public string Text => string.Join(' ', Lines);
}

/// <summary>
/// A row group of the rendered table (a <c>thead</c>, <c>tbody</c> or <c>tfoot</c>), with the cells that start in it.
/// Rows are numbered within the section; HTML ends a rowspan at the end of its row group, so a section is whole.
/// </summary>
/// <param name="HeaderRows">
/// How many of its first rows are its header, repeated on every page the section runs onto: a <c>thead</c>'s rows
/// (with the body after it), or a body's first rows that hold only column headers (<c>th scope="col"</c>, and
/// labels of the whole group) with at least one row after them.
/// </param>
public sealed record TableSection(IReadOnlyList<TableCell> Cells, int Rows, int HeaderRows);

/// <summary>
/// The official form as the web page renders it, read back from the page's HTML (<c>table.official-form</c>), so the
/// PDF is made from the same layout template as the page: any layout, any number of header rows, no print code per
/// layout (docs/pdf.md).
/// </summary>
public sealed record FormTable(string Caption, int Columns, IReadOnlyList<TableSection> Sections)
{
    /// <summary>
    /// Reads one rendered table. A <c>thead</c>, or a <c>tbody</c> of column headers only, joins the body after it, as
    /// that body's header rows.
    /// </summary>
    public static FormTable Read(IHtmlTableElement table)
    {
        var sections = new List<TableSection>();
        var columns = 0;
        List<IHtmlTableRowElement>? pendingHead = null;
        foreach (var group in Groups(table))
        {
            var rows = group.Rows.ToList();
            if (group.Kind == "thead" || (group.Kind == "tbody" && rows.Count > 0 && LeadingHeaderRows(Place(rows).Cells, rows.Count, rows.Count) == rows.Count))
            {
                pendingHead = [.. pendingHead ?? [], .. rows];
                continue;
            }

            var head = pendingHead ?? [];
            pendingHead = null;
            var all = head.Concat(rows).ToList();
            var (cells, width) = Place(all);
            columns = Math.Max(columns, width);
            var headerRows = head.Count > 0 ? head.Count : LeadingHeaderRows(cells, all.Count, all.Count - 1);
            sections.Add(new TableSection(cells, all.Count, headerRows));
        }

        if (pendingHead is { Count: > 0 })
        {
            var (cells, width) = Place(pendingHead);
            columns = Math.Max(columns, width);
            sections.Add(new TableSection(cells, pendingHead.Count, 0));
        }

        return new FormTable(table.Caption is { } caption ? Collapse(caption.TextContent) : string.Empty, columns, sections);
    }

    /// <summary>The row groups in document order; rows directly in the table form a body of their own.</summary>
    private static IEnumerable<(string Kind, IEnumerable<IHtmlTableRowElement> Rows)> Groups(IHtmlTableElement table)
    {
        var loose = new List<IHtmlTableRowElement>();
        foreach (var child in table.Children)
        {
            if (child is IHtmlTableRowElement row)
            {
                loose.Add(row);
                continue;
            }

            if (loose.Count > 0)
            {
                yield return ("tbody", loose);
                loose = [];
            }

            if (child is IHtmlTableSectionElement section)
            {
                yield return (section.LocalName, section.Rows);
            }
        }

        if (loose.Count > 0)
        {
            yield return ("tbody", loose);
        }
    }

    /// <summary>HTML's table model: each cell takes the first free column of its row, after the cells spanning down into it.</summary>
    private static (List<TableCell> Cells, int Columns) Place(IReadOnlyList<IHtmlTableRowElement> rows)
    {
        var taken = new HashSet<(int Row, int Column)>();
        var cells = new List<TableCell>();
        var columns = 0;
        for (var r = 0; r < rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in rows[r].Cells)
            {
                while (taken.Contains((r, c)))
                {
                    c++;
                }

                var rowSpan = Math.Clamp(cell.RowSpan == 0 ? rows.Count - r : cell.RowSpan, 1, rows.Count - r);
                var columnSpan = Math.Clamp(cell.ColumnSpan, 1, 1000);
                for (var dr = 0; dr < rowSpan; dr++)
                {
                    for (var dc = 0; dc < columnSpan; dc++)
                    {
                        taken.Add((r + dr, c + dc));
                    }
                }

                cells.Add(new TableCell(Lines(cell), cell.LocalName == "th", cell.ClassList.Contains("num"), r, c, rowSpan, columnSpan, cell.GetAttribute("scope") ?? string.Empty));
                c += columnSpan;
                columns = Math.Max(columns, c);
            }
        }

        return (cells, columns);
    }

    /// <summary>
    /// A body's first rows (at most <paramref name="most"/>) whose own cells are all column headers: <c>th</c> cells,
    /// at least one <c>scope="col"</c> and none a row header (<c>scope="row"</c>) or data. A body of such rows only
    /// (the partial indicator-table's <c>tbody.indicator-header</c>) heads the body after it, as a <c>thead</c> does;
    /// within a body, only rows with a row after them count: a header alone is no header.
    /// </summary>
    private static int LeadingHeaderRows(IReadOnlyList<TableCell> cells, int rows, int most)
    {
        var count = 0;
        while (count < Math.Min(rows, most))
        {
            var own = cells.Where(c => c.Row == count).ToList();
            if (own.Count == 0 || !own.All(c => c.Header) || !Scopes(own).Contains("col") || Scopes(own).Contains("row"))
            {
                break;
            }

            count++;
        }

        return count;
    }

    private static IEnumerable<string> Scopes(IEnumerable<TableCell> cells) => cells.Select(c => c.Scope);

    /// <summary>The lines of a cell: each paragraph, list item or line break starts one.</summary>
    private static List<string> Lines(IElement cell)
    {
        var lines = new List<string>();
        var current = new System.Text.StringBuilder();
        void Break()
        {
            var line = Collapse(current.ToString());
            if (line.Length > 0)
            {
                lines.Add(line);
            }

            current.Clear();
        }

        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                if (child is IText text)
                {
                    current.Append(text.Data);
                }
                else if (child is IElement element)
                {
                    var block = element.LocalName is "p" or "li" or "div" or "tr" or "h1" or "h2" or "h3" or "h4" or "ul" or "ol" or "table" or "blockquote" or "pre";
                    if (element.LocalName == "br" || block)
                    {
                        Break();
                    }

                    Walk(element);
                    if (block)
                    {
                        Break();
                    }
                    else if (element.LocalName is "td" or "th")
                    {
                        current.Append(' ');
                    }
                }
            }
        }

        Walk(cell);
        Break();
        return lines;
    }

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
