using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace PerfDisclosure.Build.Importing;

/// <summary>A straight horizontal or vertical stroke of a page: a table's ruling line (x1 ≤ x2, y1 ≤ y2, PDF points).</summary>
public readonly record struct PdfSegment(double X1, double Y1, double X2, double Y2)
{
    public bool IsHorizontal => Y2 - Y1 < PdfRuling.Tolerance;
}

/// <summary>
/// The ruling lines a page draws: every stroked line segment that runs straight across or down, and every filled
/// rectangle thin enough to be a border (how some printers draw cell borders). Curves, slanted lines and large
/// filled areas (shading) are not rulings.
/// </summary>
public static class PdfRuling
{
    /// <summary>Points two coordinates may differ by and still be the same line: a border's width, rounding.</summary>
    public const double Tolerance = 1.5;

    private const double ThinRectangle = 2.0;

    /// <exception cref="SourceFileException">The page draws more segments than <paramref name="limit"/>.</exception>
    public static List<PdfSegment> Of(Page page, int limit, Func<string> overLimit)
    {
        var segments = new List<PdfSegment>();
        foreach (var path in page.Paths)
        {
            foreach (var subpath in path)
            {
                if (path.IsFilled && !path.IsStroked)
                {
                    if (subpath.GetBoundingRectangle() is { } box && (box.Width < ThinRectangle || box.Height < ThinRectangle))
                    {
                        Add(segments, box.Width < ThinRectangle
                            ? new PdfPoint(box.Centroid.X, box.Bottom) : new PdfPoint(box.Left, box.Centroid.Y), box.Width < ThinRectangle
                            ? new PdfPoint(box.Centroid.X, box.Top) : new PdfPoint(box.Right, box.Centroid.Y));
                    }
                }
                else if (path.IsStroked)
                {
                    Walk(subpath, segments);
                }

                if (segments.Count > limit)
                {
                    throw new SourceFileException(overLimit());
                }
            }
        }

        return segments;
    }

    private static void Walk(PdfSubpath subpath, List<PdfSegment> segments)
    {
        PdfPoint? start = null, current = null;
        foreach (var command in subpath.Commands)
        {
            switch (command)
            {
                case PdfSubpath.Move move:
                    (start, current) = (move.Location, move.Location);
                    break;
                case PdfSubpath.Line line:
                    Add(segments, line.From, line.To);
                    current = line.To;
                    start ??= line.From;
                    break;
                case PdfSubpath.Close when start is { } s && current is { } c:
                    Add(segments, c, s);
                    current = s;
                    break;
                case PdfSubpath.BezierCurve curve:
                    current = curve.EndPoint;
                    break;
            }
        }
    }

    private static void Add(List<PdfSegment> segments, PdfPoint a, PdfPoint b)
    {
        var (dx, dy) = (Math.Abs(a.X - b.X), Math.Abs(a.Y - b.Y));
        if (dy < Tolerance && dx > Tolerance)
        {
            var y = (a.Y + b.Y) / 2;
            segments.Add(new PdfSegment(Math.Min(a.X, b.X), y, Math.Max(a.X, b.X), y));
        }
        else if (dx < Tolerance && dy > Tolerance)
        {
            var x = (a.X + b.X) / 2;
            segments.Add(new PdfSegment(x, Math.Min(a.Y, b.Y), x, Math.Max(a.Y, b.Y)));
        }
    }
}
