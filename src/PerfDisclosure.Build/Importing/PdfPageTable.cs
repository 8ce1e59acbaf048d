using UglyToad.PdfPig.Content;

namespace PerfDisclosure.Build.Importing;

/// <summary>One line of a page as the importer sees it: its cells, and how high on the page it starts (points from the bottom).</summary>
public sealed record PdfLine(double Top, IReadOnlyList<(int Column, string Text)> Cells, bool Ruled);

/// <summary>
/// A page's table rebuilt from where its text is. Where the page draws ruling lines, they make a grid: every distinct
/// x of a vertical line is a column edge, every y of a horizontal line a row edge; two neighbouring grid places are one
/// (merged) cell where no line separates them, and a cell's text is in its top-left place, the others left empty (as
/// <see cref="SourceTable"/> holds merged cells). Text outside the ruled area (a title, a page number) and the text of a
/// page without rulings are lines of their own, cut into cells where words stand further apart than
/// <see cref="UnruledGap"/> font sizes, each cell in the column its left edge shares with the page's other lines.
/// </summary>
public static class PdfPageTable
{
    /// <summary>Font sizes between two words of a page without rulings that make them two cells.</summary>
    public const double UnruledGap = 1.5;

    public static List<PdfLine> Lines(IReadOnlyList<Letter> letters, IReadOnlyList<PdfSegment> segments)
    {
        var xs = Edges(segments.Where(s => !s.IsHorizontal).Select(s => s.X1));
        var ys = Edges(segments.Where(s => s.IsHorizontal).Select(s => s.Y1));
        var lines = new List<PdfLine>();
        var free = new List<Letter>();
        if (xs.Count >= 2 && ys.Count >= 2)
        {
            lines.AddRange(Grid(letters, segments, xs, ys, free));
        }
        else
        {
            free.AddRange(letters);
        }

        lines.AddRange(Unruled(free));
        return [.. lines.OrderByDescending(l => l.Top)];
    }

    /// <summary>Distinct coordinates, ascending, nearer than <see cref="PdfRuling.Tolerance"/> taken as one.</summary>
    private static List<double> Edges(IEnumerable<double> values)
    {
        var edges = new List<double>();
        foreach (var v in values.Order())
        {
            if (edges.Count == 0 || v - edges[^1] > PdfRuling.Tolerance)
            {
                edges.Add(v);
            }
        }

        return edges;
    }

    private static IEnumerable<PdfLine> Grid(IReadOnlyList<Letter> letters, IReadOnlyList<PdfSegment> segments, List<double> xs, List<double> ys, List<Letter> free)
    {
        // Places are numbered top row first: row 0 lies between ys[^1] and ys[^2].
        var (rows, columns) = (ys.Count - 1, xs.Count - 1);
        var parent = Enumerable.Range(0, rows * columns).ToArray();
        for (var r = 0; r < rows; r++)
        {
            var (top, bottom) = (ys[rows - r], ys[rows - r - 1]);
            for (var c = 0; c < columns; c++)
            {
                if (c + 1 < columns && !Covered(segments, vertical: true, xs[c + 1], (top + bottom) / 2))
                {
                    Union(parent, (r * columns) + c, (r * columns) + c + 1);
                }

                if (r + 1 < rows && !Covered(segments, vertical: false, bottom, (xs[c] + xs[c + 1]) / 2))
                {
                    Union(parent, (r * columns) + c, ((r + 1) * columns) + c);
                }
            }
        }

        var cells = new Dictionary<int, (int Row, int Column, int LastColumn, List<Letter> Letters)>();
        for (var place = 0; place < parent.Length; place++)
        {
            var root = Find(parent, place);
            var (r, c) = (place / columns, place % columns);
            cells[root] = cells.TryGetValue(root, out var cell)
                ? (Math.Min(cell.Row, r), cell.Row <= r ? cell.Column : c, Math.Max(cell.LastColumn, c), cell.Letters)
                : (r, c, c, []);
        }

        foreach (var letter in letters)
        {
            var (x, y) = ((PdfCellText.Left(letter) + PdfCellText.Right(letter)) / 2, letter.StartBaseLine.Y + (letter.PointSize * 0.3));
            var (c, rFromBottom) = (Slot(xs, x), Slot(ys, y));
            if (c < 0 || rFromBottom < 0)
            {
                free.Add(letter);
                continue;
            }

            cells[Find(parent, ((rows - 1 - rFromBottom) * columns) + c)].Letters.Add(letter);
        }

        foreach (var row in cells.Values.GroupBy(c => c.Row).OrderBy(g => g.Key))
        {
            var texts = row.Where(c => c.Letters.Count > 0).OrderBy(c => c.Column)
                .Select(c => (c.Column + 1, PdfCellText.Of(c.Letters, xs[c.Column], xs[c.LastColumn + 1]))).ToList();
            yield return new PdfLine(ys[rows - row.Key] - 0.01, texts, true);
        }
    }

    /// <summary>Whether a ruling line runs along <paramref name="at"/> through the point <paramref name="across"/> (a cell border is there).</summary>
    private static bool Covered(IReadOnlyList<PdfSegment> segments, bool vertical, double at, double across) =>
        segments.Any(s => vertical
            ? !s.IsHorizontal && Math.Abs(s.X1 - at) <= PdfRuling.Tolerance && s.Y1 - PdfRuling.Tolerance <= across && across <= s.Y2 + PdfRuling.Tolerance
            : s.IsHorizontal && Math.Abs(s.Y1 - at) <= PdfRuling.Tolerance && s.X1 - PdfRuling.Tolerance <= across && across <= s.X2 + PdfRuling.Tolerance);

    /// <summary>The index of the interval of <paramref name="edges"/> that holds <paramref name="value"/>, or -1 outside them all.</summary>
    private static int Slot(List<double> edges, double value)
    {
        if (value < edges[0] || value > edges[^1])
        {
            return -1;
        }

        var at = edges.BinarySearch(value);
        return Math.Min(at >= 0 ? at : ~at - 1, edges.Count - 2);
    }

    private static IEnumerable<PdfLine> Unruled(List<Letter> letters)
    {
        var lines = PdfCellText.Lines(letters).Select(line => PdfCellText.Chunks(line, UnruledGap).ToList()).ToList();
        var lefts = Edges(lines.SelectMany(chunks => chunks.Select(chunk => PdfCellText.Left(chunk[0]))));
        foreach (var chunks in lines)
        {
            var cells = new List<(int Column, string Text)>();
            foreach (var chunk in chunks)
            {
                var column = Math.Max(lefts.FindLastIndex(x => x <= PdfCellText.Left(chunk[0]) + PdfRuling.Tolerance) + 1, cells.Count == 0 ? 1 : cells[^1].Column + 1);
                cells.Add((column, PdfCellText.Line(chunk)));
            }

            yield return new PdfLine(chunks[0].Max(l => l.BoundingBox.Top), cells, false);
        }
    }

    private static int Find(int[] parent, int i)
    {
        while (parent[i] != i)
        {
            (parent[i], i) = (parent[parent[i]], parent[i]);
        }

        return i;
    }

    private static void Union(int[] parent, int a, int b)
    {
        var (ra, rb) = (Find(parent, a), Find(parent, b));
        if (ra != rb)
        {
            parent[Math.Max(ra, rb)] = Math.Min(ra, rb);
        }
    }
}
