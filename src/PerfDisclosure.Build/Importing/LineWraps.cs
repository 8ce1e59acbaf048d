using System.Text.RegularExpressions;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Tells the spaces a PDF extraction leaves where it wrapped Chinese text in a narrow cell (部分达成指 标并具有一定 效果)
/// from the spaces a form prints (降低总体运行成本 提高整体运转效率, 中共深圳市福田区委 深圳市福田区人民政府). Only a
/// space between two Han characters can be a wrap: spaces around Latin words, numbers and punctuation are printed.
/// Such a space is a wrap only where the line before it is full, that is, where the next character would not have
/// fitted in the column; the column is as wide as the widest line it prints, in this cell or in another cell of the
/// same column. One character of slack allows for rounding and line-breaking rules.
/// </summary>
public static partial class LineWraps
{
    /// <summary>A name wrapped in a narrow cell, joined: names (三级指标) have no space between Chinese characters.</summary>
    public static string JoinAll(string name) => Candidate().Replace(name, string.Empty);

    /// <summary>
    /// The text with its wraps joined, given the widest line of the other cells of its column (0 when none). Ambiguous when a single space was joined and no other cell of the column is as
    /// wide as the line before it, so nothing but this cell says the column is that narrow.
    /// </summary>
    public static (string Text, bool Ambiguous) Join(string text, int columnWidth)
    {
        var lines = Candidate().Split(text);
        if (lines.Length < 2)
        {
            return (text, false);
        }

        var column = Math.Max(columnWidth, lines.Max(Width));
        var joined = new System.Text.StringBuilder(lines[0]);
        var wraps = 0;
        for (var i = 1; i < lines.Length; i++)
        {
            var full = Width(lines[i - 1]) + Width(lines[i][..1]) >= column;
            joined.Append(full ? string.Empty : " ").Append(lines[i]);
            wraps += full ? 1 : 0;
        }

        return (joined.ToString(), wraps == 1 && lines.Length == 2 && columnWidth < Width(lines[0]));
    }

    /// <summary>The widest line of the text, in half-width columns: what it shows of its column's width.</summary>
    public static int WidestLine(string text) => Candidate().Split(text).Max(Width);

    /// <summary>Display width in half-width columns: 2 for CJK and full-width characters, 1 for others.</summary>
    public static int Width(string text) => text.Sum(c => IsWide(c) ? 2 : 1);

    private static bool IsWide(char c) =>
        c is (>= '\u1100' and <= '\u115f') or (>= '\u2e80' and <= '\ua4cf') or (>= '\uac00' and <= '\ud7a3')
            or (>= '\uf900' and <= '\ufaff') or (>= '\ufe30' and <= '\ufe4f') or (>= '\uff00' and <= '\uff60') or (>= '\uffe0' and <= '\uffe6');

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}) +(?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex Candidate();
}
