using System.Globalization;
using System.Text;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Pdf;

/// <summary>
/// A Typst document and, per table in document order, every cell in grid order: null for a data cell, else the
/// scope of a <c>th</c> (<c>Row</c> or <c>Column</c>), for <see cref="TaggedHeaders"/>.
/// </summary>
public sealed record TypstSource(string Text, IReadOnlyList<IReadOnlyList<string?>> HeaderCells);

/// <summary>A form as the PDF prints it: its rendered tables, and the layout's print hints.</summary>
/// <param name="Heading">What the compilation's contents and bookmarks name the form by (project and form title).</param>
public sealed record PrintedForm(string Heading, bool Landscape, IReadOnlyList<FormTable> Tables, PrintHints Hints);

/// <summary>The words a PDF prints around the forms (<c>print.*</c> in strings.yaml).</summary>
/// <param name="Page">第 {page} 页 共 {pages} 页.</param>
/// <param name="Continued">{label}（续）: a merged label repeated on the page a long group of rows continues on.</param>
public sealed record PrintWords(string Page, string Contents, string Continued)
{
    public static PrintWords From(Theme.ThemeStrings strings) => new(strings["print.page"], strings["print.contents"], strings["print.continued"]);
}

/// <summary>
/// Writes the Typst document a PDF is typeset from (docs/pdf.md). Every text of a form goes in as a string literal,
/// never as Typst markup, so nothing a form says can change the document; the structure comes from the rendered
/// table (<see cref="FormTable"/>): each row group becomes a table of its own on the same columns, stacked with no
/// gap, so a group's header rows repeat on each page it runs onto and rows after it never get that header.
/// </summary>
public sealed class TypstDocument
{
    /// <summary>The widest a column's estimated width counts, in half-width characters: long texts wrap.</summary>
    private const int WidestColumn = 24;

    /// <summary>A cell this short (half-width characters) and without spaces is one token: "不适用", "≥30.00(个)" never break inside.</summary>
    private const int Token = 16;

    private readonly StringBuilder source = new();
    private readonly PrintWords words;
    private readonly List<IReadOnlyList<string?>> tableCells = [];
    private int spans;

    private TypstDocument(PrintWords words, string title, string author, DateTimeOffset date)
    {
        this.words = words;
        var utc = date.UtcDateTime;
        source.Append(CultureInfo.InvariantCulture, $"#set document(title: {Literal(title)}, author: ({Literal(author)},), date: datetime(year: {utc.Year}, month: {utc.Month}, day: {utc.Day}, hour: {utc.Hour}, minute: {utc.Minute}, second: {utc.Second}))\n");
        source.Append("""
            #set text(font: "Noto Serif SC", size: 9pt, lang: "zh", region: "CN", fallback: false)
            #set par(leading: 0.45em, spacing: 0.6em, justify: false)
            #set table(stroke: 0.5pt, inset: (x: 1.5mm, y: 1.2mm))
            #set table.cell(breakable: false)
            #show table: set block(spacing: 0pt)
            #show heading: set text(size: 15pt, weight: 700)
            #show heading: set align(center)
            #show heading: set block(above: 0pt, below: 3mm)
            #let pd-continued(previous, body) = context if locate(previous).page() != here().page() { body }

            """);
        source.Append("#set page(paper: \"a4\", margin: (x: 12mm, top: 14mm, bottom: 16mm), footer: context align(center, text(9pt, ");
        source.Append(PageNumbers(words.Page));
        source.Append(")))\n");
    }

    /// <summary>The document of one form's PDF.</summary>
    public static TypstSource Form(PrintedForm form, PrintWords words, string title, string author, DateTimeOffset date)
    {
        var document = new TypstDocument(words, title, author, date);
        document.source.Append(CultureInfo.InvariantCulture, $"#set page(flipped: {Bool(form.Landscape)})\n");
        document.Body(form);
        return document.Result();
    }

    /// <summary>
    /// The compilation of one organisation and year: a cover with its title and the contents with page numbers,
    /// then every form from a new page in its own orientation, one bookmark per form; pages count the whole document.
    /// </summary>
    public static TypstSource Compilation(IReadOnlyList<PrintedForm> forms, PrintWords words, string organisation, string title, DateTimeOffset date)
    {
        var document = new TypstDocument(words, $"{organisation} {title}", organisation, date);
        var s = document.source;
        s.Append("#page(flipped: false)[\n");
        s.Append(CultureInfo.InvariantCulture, $"#v(30mm)\n#align(center, text(18pt, weight: 700, {{ {Literal(organisation)}; linebreak(); {Literal(title)} }}))\n#v(10mm)\n");
        s.Append(CultureInfo.InvariantCulture, $"#outline(title: {Literal(words.Contents)}, depth: 1, indent: 0pt)\n]\n");
        foreach (var form in forms)
        {
            s.Append(CultureInfo.InvariantCulture, $"#page(flipped: {Bool(form.Landscape)})[\n");
            s.Append(CultureInfo.InvariantCulture, $"#place(hide(heading(level: 1, {Literal(form.Heading)})))\n");
            document.Body(form);
            s.Append("]\n");
        }

        return document.Result();
    }

    private TypstSource Result() => new(source.ToString(), tableCells);

    /// <summary>A Typst string literal: the text shown as it is, whatever characters it holds.</summary>
    public static string Literal(string text)
    {
        var s = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': s.Append(@"\\"); break;
                case '"': s.Append("\\\""); break;
                case '\n': s.Append(@"\n"); break;
                case '\r': s.Append(@"\r"); break;
                case '\t': s.Append(@"\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        s.Append(CultureInfo.InvariantCulture, $"\\u{{{(int)c:x}}}");
                    }
                    else
                    {
                        s.Append(c);
                    }

                    break;
            }
        }

        return s.Append('"').ToString();
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>The footer: the words of <c>print.page</c> with the page counters in place of {page} and {pages}.</summary>
    private static string PageNumbers(string pattern)
    {
        var parts = new List<string>();
        var rest = pattern;
        while (rest.Length > 0)
        {
            var page = rest.IndexOf("{page}", StringComparison.Ordinal);
            var pages = rest.IndexOf("{pages}", StringComparison.Ordinal);
            var next = new[] { page, pages }.Where(i => i >= 0).DefaultIfEmpty(-1).Min();
            if (next < 0)
            {
                parts.Add(Literal(rest));
                break;
            }

            if (next > 0)
            {
                parts.Add(Literal(rest[..next]));
            }

            var isPages = next == pages;
            parts.Add(isPages ? "str(counter(page).final().first())" : "str(counter(page).get().first())");
            rest = rest[(next + (isPages ? "{pages}" : "{page}").Length)..];
        }

        return parts.Count == 0 ? "\"\"" : string.Join(" + ", parts);
    }

    private void Body(PrintedForm form)
    {
        foreach (var table in form.Tables)
        {
            if (table.Caption.Length > 0)
            {
                source.Append(CultureInfo.InvariantCulture, $"#heading(level: 2, outlined: false, bookmarked: false, {Literal(table.Caption)})\n");
            }

            var columns = ColumnWidths(table, form.Hints);
            foreach (var section in table.Sections)
            {
                Section(section, columns, table.Columns, form.Hints.RepeatHeader);
            }
        }
    }

    /// <summary>
    /// The columns' relative widths: the layout's (<c>print.columns</c>) when it gives one per column, else estimated
    /// from the widest text of each column (capped, so long texts wrap), never narrower than its widest token.
    /// </summary>
    private static string ColumnWidths(FormTable table, PrintHints hints)
    {
        if (hints.Columns.Count == table.Columns)
        {
            return "(" + string.Join(", ", hints.Columns.Select(w => w.ToString(CultureInfo.InvariantCulture) + "fr")) + ",)";
        }

        var widths = new double[table.Columns];
        Array.Fill(widths, 4);
        foreach (var cell in table.Sections.SelectMany(s => s.Cells))
        {
            var natural = Math.Min(WidestColumn, cell.Lines.Select(Width).DefaultIfEmpty(0).Max());
            var token = IsToken(cell) ? Width(cell.Text) + 2 : 0;
            var share = (double)Math.Max(natural, token) / cell.ColumnSpan;
            for (var c = cell.Column; c < cell.Column + cell.ColumnSpan && c < widths.Length; c++)
            {
                widths[c] = Math.Max(widths[c], share);
            }
        }

        return "(" + string.Join(", ", widths.Select(w => w.ToString("0.#", CultureInfo.InvariantCulture) + "fr")) + ",)";
    }

    /// <summary>Display width in half-width characters: CJK and full-width characters count two.</summary>
    private static int Width(string text) => text.Sum(c => c >= 0x2E80 ? 2 : 1);

    private static bool IsToken(TableCell cell) => cell.Lines.Count == 1 && Width(cell.Text) <= Token && !cell.Text.Contains(' ', StringComparison.Ordinal);

    /// <summary>
    /// One row group as a table. Its header rows go in <c>table.header</c> (repeated, and tagged TH); a rowspan that
    /// reaches into the body becomes one cell per row, without lines between them, the label printed on the first
    /// and again, with （续）, on the first row of each further page the group runs onto, so a long group may break.
    /// </summary>
    private void Section(TableSection section, string columns, int width, bool repeatHeader)
    {
        var header = section.HeaderRows;
        var headerCells = new List<string>();
        var bodyCells = new List<string>();
        var placed = new List<(int Row, int Column, int RowSpan, int ColumnSpan, string? Scope)>();
        foreach (var cell in section.Cells.OrderBy(c => c.Row).ThenBy(c => c.Column))
        {
            var last = cell.Row + cell.RowSpan - 1;
            if (cell.RowSpan == 1 || last < header)
            {
                (cell.Row < header ? headerCells : bodyCells).Add(Cell(cell, cell.Row, cell.RowSpan, Content(cell), null));
                placed.Add((cell.Row, cell.Column, cell.RowSpan, cell.ColumnSpan, ScopeOf(cell)));
                continue;
            }

            // A span into the body: its part in the header stays one cell there (and repeats with it) ...
            var firstBody = Math.Max(cell.Row, header);
            if (cell.Row < header)
            {
                headerCells.Add(Cell(cell, cell.Row, header - cell.Row, Content(cell), (Top: true, Bottom: false)));
                placed.Add((cell.Row, cell.Column, header - cell.Row, cell.ColumnSpan, ScopeOf(cell)));
            }

            // ... and each body row gets a piece of it.
            var id = ++spans;
            for (var row = firstBody; row <= last; row++)
            {
                var mark = $"[#metadata(none)<pd-{id}-{row}>]";
                string content;
                if (row == cell.Row)
                {
                    content = $"{{ {mark}; {Content(cell)} }}";
                }
                else if (cell.Row < header && repeatHeader)
                {
                    content = mark;
                }
                else
                {
                    var label = Literal(words.Continued.Replace("{label}", cell.Text, StringComparison.Ordinal));
                    var text = cell.Header ? $"text(weight: 700, {label})" : label;
                    content = $"{{ {mark}; pd-continued(<pd-{id}-{row - 1}>, {text}) }}";
                }

                bodyCells.Add(Cell(cell, row, 1, content, (Top: row == cell.Row, Bottom: row == last)));
                placed.Add((row, cell.Column, 1, cell.ColumnSpan, ScopeOf(cell)));
            }
        }

        tableCells.Add(GridOrder(placed, width));

        source.Append(CultureInfo.InvariantCulture, $"#table(columns: {columns},\n");
        if (headerCells.Count > 0)
        {
            source.Append(CultureInfo.InvariantCulture, $"table.header(repeat: {Bool(repeatHeader)},\n");
            foreach (var cell in headerCells)
            {
                source.Append("  ").Append(cell).Append(",\n");
            }

            source.Append("),\n");
        }

        foreach (var cell in bodyCells)
        {
            source.Append(cell).Append(",\n");
        }

        source.Append(")\n");
    }

    /// <summary>A <c>th</c>'s scope as the PDF names it: <c>Column</c> for <c>col</c> and <c>colgroup</c>, else <c>Row</c>; null for a <c>td</c>.</summary>
    private static string? ScopeOf(TableCell cell) =>
        !cell.Header ? null : cell.Scope is "col" or "colgroup" ? "Column" : "Row";

    /// <summary>
    /// The table's cells in the order Typst tags them: row by row, column by column, with the empty cells Typst adds
    /// where no cell starts or spans (null, as data cells).
    /// </summary>
    private static List<string?> GridOrder(List<(int Row, int Column, int RowSpan, int ColumnSpan, string? Scope)> placed, int width)
    {
        var starts = new Dictionary<(int, int), string?>();
        foreach (var p in placed)
        {
            starts.TryAdd((p.Row, p.Column), p.Scope);
        }

        var covered = placed.SelectMany(p => Enumerable.Range(p.Row, p.RowSpan).SelectMany(r => Enumerable.Range(p.Column, p.ColumnSpan).Select(c => (r, c)))).ToHashSet();
        var rows = placed.Count == 0 ? 0 : placed.Max(p => p.Row + p.RowSpan);
        var order = new List<string?>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < width; c++)
            {
                if (starts.TryGetValue((r, c), out var scope))
                {
                    order.Add(scope);
                }
                else if (!covered.Contains((r, c)))
                {
                    order.Add(null);
                }
            }
        }

        return order;
    }

    /// <summary>A cell at its place; <paramref name="edges"/> says which of a split span's outer lines it draws.</summary>
    private static string Cell(TableCell cell, int row, int rowSpan, string content, (bool Top, bool Bottom)? edges)
    {
        var s = new StringBuilder("table.cell(");
        s.Append(CultureInfo.InvariantCulture, $"x: {cell.Column}, y: {row}");
        if (cell.ColumnSpan > 1)
        {
            s.Append(CultureInfo.InvariantCulture, $", colspan: {cell.ColumnSpan}");
        }

        if (rowSpan > 1)
        {
            s.Append(CultureInfo.InvariantCulture, $", rowspan: {rowSpan}");
        }

        s.Append(", align: ").Append(cell.Header ? "center + horizon" : cell.Numeric ? "right + horizon" : "left + horizon");
        if (edges is { } e && !(e.Top && e.Bottom))
        {
            s.Append(", stroke: (").Append(e.Top ? string.Empty : "top: none, ").Append(e.Bottom ? string.Empty : "bottom: none, ").Append("left: 0.5pt, right: 0.5pt)");
        }

        return s.Append(", ").Append(content).Append(')').ToString();
    }

    /// <summary>The cell's text as Typst code: string literals, a line break between lines; a short value one unbreakable box.</summary>
    private static string Content(TableCell cell)
    {
        if (cell.Lines.Count == 0)
        {
            return "[]";
        }

        var text = IsToken(cell) ? $"box({Literal(cell.Text)})" : string.Join("; linebreak(); ", cell.Lines.Select(Literal));
        return cell.Header ? $"text(weight: 700, {{ {text} }})" : $"{{ {text} }}";
    }
}
