using System.Text;
using UglyToad.PdfPig.Content;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// The text of a cell from its letters, in reading order: lines top to bottom, letters left to right, a space where
/// the printer drew one (or left a gap a space wide). A line is wrapped when the next line's first word would not have
/// fitted after it, before the cell's right edge less the padding its text keeps on the left: it is joined to the next
/// without a space between two Chinese characters, with one otherwise (the break was at a space). A line that ends
/// short although the next word would have fitted ends its paragraph: a blank line (Markdown's paragraph break) follows.
/// </summary>
public static class PdfCellText
{
    /// <summary>
    /// A gap with no space letter in it, wider than this share of the font size, is a space: some printers draw none.
    /// Typst sets a quarter of an em between Chinese and Latin letters (72小时 prints as 72 小时), which is not a space.
    /// </summary>
    private const double SpaceGap = 0.3;

    /// <param name="letters">The cell's letters, in any order.</param>
    /// <param name="left">The cell's left edge (points), or null for text that has no cell.</param>
    /// <param name="right">The cell's right edge.</param>
    public static string Of(IReadOnlyList<Letter> letters, double? left = null, double? right = null)
    {
        var lines = Lines(letters);
        if (lines.Count == 0)
        {
            return string.Empty;
        }

        var padding = left is { } l ? lines.Min(line => Left(line[0])) - l : 0;
        var limit = right is { } r ? r - Math.Max(padding, 0) : double.MaxValue;
        var text = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = Line(lines[i]);
            if (i > 0 && line.Length > 0 && text.Length > 0)
            {
                var previous = lines[i - 1][^1];
                var slack = limit - Right(previous) - (previous.PointSize / 10);
                var wrapped = FirstWordWidth(lines[i]) + (IsWide(line[0]) ? 0 : previous.PointSize / 4) > slack;
                text.Append(!wrapped ? "\n\n" : IsWide(text[^1]) && IsWide(line[0]) ? string.Empty : " ");
            }

            text.Append(line);
        }

        return text.ToString().Trim();
    }

    /// <summary>The letters as lines, top to bottom: a letter belongs to a line when its baseline is within half its size of the line's.</summary>
    public static List<List<Letter>> Lines(IEnumerable<Letter> letters)
    {
        var lines = new List<List<Letter>>();
        foreach (var letter in letters.Where(l => l.Value.Length > 0).OrderByDescending(l => l.StartBaseLine.Y).ThenBy(l => l.StartBaseLine.X))
        {
            var line = lines.Count > 0 && Math.Abs(lines[^1][0].StartBaseLine.Y - letter.StartBaseLine.Y) < Math.Max(letter.PointSize, 1) / 2 ? lines[^1] : null;
            if (line is null)
            {
                lines.Add(line = []);
            }

            line.Add(letter);
        }

        foreach (var line in lines)
        {
            line.Sort((a, b) => a.StartBaseLine.X.CompareTo(b.StartBaseLine.X));
            while (line.Count > 0 && IsSpace(line[^1]))
            {
                line.RemoveAt(line.Count - 1);
            }

            while (line.Count > 0 && IsSpace(line[0]))
            {
                line.RemoveAt(0);
            }
        }

        return [.. lines.Where(l => l.Count > 0)];
    }

    /// <summary>One line's letters as text, a space where the gap is a space wide.</summary>
    public static string Line(IReadOnlyList<Letter> line)
    {
        var text = new StringBuilder();
        for (var i = 0; i < line.Count; i++)
        {
            if (IsSpace(line[i]))
            {
                continue;
            }

            if (i > 0 && (IsSpace(line[i - 1]) || Left(line[i]) - Right(line[i - 1]) > SpaceGap * Math.Max(line[i].PointSize, 1)))
            {
                text.Append(' ');
            }

            text.Append(line[i].Value);
        }

        return text.ToString();
    }

    /// <summary>How wide the line's first word is: its first letter when that is Chinese (a line may break before any of them).</summary>
    private static double FirstWordWidth(List<Letter> line)
    {
        if (IsWide(line[0].Value[0]))
        {
            // A line may not start with closing punctuation, nor end with opening punctuation: the letters beside them move down with them.
            var last = NoLineEnd.Contains(line[0].Value[0]) && line.Count > 1 ? 1 : 0;
            while (last + 1 < line.Count && NoLineStart.Contains(line[last + 1].Value[0]))
            {
                last++;
            }

            return Right(line[last]) - Left(line[0]);
        }

        var end = line.FindIndex(l => IsSpace(l) || IsWide(l.Value[0]));
        return Right(line[end < 0 ? ^1 : Math.Max(end - 1, 0)]) - Left(line[0]);
    }

    private const string NoLineEnd = "([{“‘《（「『【〈";

    private const string NoLineStart = ",.;:!?)]}%、，。；：！？）」』】》〉”’…";

    private static bool IsWide(char c) => LineWraps.Width(c.ToString()) == 2;

    private static bool IsSpace(Letter letter) => string.IsNullOrWhiteSpace(letter.Value);

    /// <summary>Where the letter starts, on its baseline: advance widths, not ink, so a space is its full width.</summary>
    public static double Left(Letter letter) => Math.Min(letter.StartBaseLine.X, letter.EndBaseLine.X);

    public static double Right(Letter letter) => Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);

    /// <summary>A line cut where two letters are further apart than <paramref name="gap"/> font sizes: the cells of a table drawn without rulings.</summary>
    public static IEnumerable<List<Letter>> Chunks(List<Letter> line, double gap)
    {
        var start = 0;
        for (var i = 1; i <= line.Count; i++)
        {
            if (i == line.Count || Left(line[i]) - Right(line[i - 1]) > gap * Math.Max(line[i].PointSize, 1))
            {
                yield return line.GetRange(start, i - start);
                start = i;
            }
        }
    }
}
