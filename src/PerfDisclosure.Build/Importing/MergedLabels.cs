using static PerfDisclosure.Build.Importing.IndicatorPlacer;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Which indicator rows each merged 一级指标/二级指标 cell spans. A merged cell's text is printed once; read as printed,
/// it spans its own row and the blank rows below it: a blank 一级指标 continues the one above, and so does a blank
/// 二级指标 under a continued 一级指标 (unless the framework lists that 二级 under another 一级). An extraction does not
/// always print the text on the first row of its span, and the framework's wording hints show where it did not: while
/// the rows as printed file 三级 names under a 二级指标 the hints contradict (…及时率 under 质量指标), these readings
/// are tried, the one leaving the fewest contradictions (then changing the fewest rows; then the first found) is
/// taken, and a warning at the label it moved says what was assumed:
/// <list type="number">
/// <item>The cell spans blank rows above its text too: the text is centred in its span, or printed on the next page
/// when the cell crosses a page break.</item>
/// <item>A run of labels is printed one row early: each belongs to the row below it, the last to a row that is blank
/// there or prints the same label again.</item>
/// </list>
/// </summary>
public static class MergedLabels
{
    /// <summary>The 一级/二级 names of each row; <paramref name="pageBreaks"/> are the source rows where a page ends.</summary>
    public static IReadOnlyList<(string? Level1, string? Level2)> Read(PlacingContext context, IReadOnlyList<Dictionary<string, SourceCell>> lines, FrameworkNames names, IReadOnlyCollection<int> pageBreaks)
    {
        var labels = lines.Select(l => new Printed(l.GetValueOrDefault(Level1), l.GetValueOrDefault(Level2))).ToList();
        var spans = Spans(labels, names);
        var contradicted = Contradicted(lines, spans, names);
        while (contradicted.Count > 0)
        {
            var better = Readings(labels)
                .Select(r => (Reading: r, Spans: Spans(r.Labels, names)))
                .Select(r => (r.Reading, r.Spans, Left: Contradicted(lines, r.Spans, names).Count))
                .Where(r => r.Left < contradicted.Count)
                .OrderBy(r => r.Left)
                .ThenBy(r => r.Reading.Moved)
                .ToList();
            if (better.Count == 0)
            {
                break;
            }

            var (reading, chosen, _) = better[0];
            var first = contradicted[0];
            var (zh, en) = reading.Describe(lines);
            context.Assume(
                reading.At,
                zh + $"：按原样读，“{lines[first][Level3].Text}”（第 {Row(lines, first)} 行）会归入“{spans[first].Level2}”，与指标体系的措辞提示不符" + (contradicted.Count > 1 ? $"，另有 {contradicted.Count - 1} 行与此相同" : string.Empty),
                en + $": read as printed, “{lines[first][Level3].Text}” (row {Row(lines, first)}) would be filed under “{spans[first].Level2}”, against the framework's wording hints" + (contradicted.Count > 1 ? $", and {contradicted.Count - 1} more row(s) like it" : string.Empty));
            (labels, spans) = (reading.Labels, chosen);
            contradicted = Contradicted(lines, spans, names);
        }

        AcrossPageBreaks(context, lines, names, pageBreaks, labels, spans);
        return spans;
    }

    /// <summary>
    /// Blank rows that end a page, followed by a label on the next page: the merged cell above may end there, or the
    /// one printed after the break may span them. They continue the cell above unless the hints say otherwise (above);
    /// when the hints say nothing either way, that is told.
    /// </summary>
    private static void AcrossPageBreaks(PlacingContext context, IReadOnlyList<Dictionary<string, SourceCell>> lines, FrameworkNames names, IReadOnlyCollection<int> pageBreaks, List<Printed> labels, List<(string? Level1, string? Level2)> spans)
    {
        for (var i = 0; i + 1 < labels.Count; i++)
        {
            var (end, next) = (lines[i].Values.Max(c => c.Row), Row(lines, i + 1));
            if (!labels[i].IsBlank || labels[i + 1].IsBlank || spans[i].Level2 is not { } above || !pageBreaks.Any(r => r > end && r < next))
            {
                continue;
            }

            var spanning = new List<Printed>(labels) { [i] = labels[i + 1], [i + 1] = Printed.Blank };
            if (Contradicted(lines, Spans(spanning, names), names).Count > Contradicted(lines, spans, names).Count)
            {
                continue;
            }

            var first = i;
            while (first > 0 && labels[first - 1].IsBlank)
            {
                first--;
            }

            var below = labels[i + 1].Level2 ?? labels[i + 1].Level1!;
            context.Assume(below, $"假定上方的“{above}”也跨越分页前的{RowsZh(Row(lines, first), end)}；分页后印出的合并单元格“{below.Text}”也可能跨越其中部分行，没有措辞提示可以判断", $"assumed “{above}” above also spans {Rows(Row(lines, first), end)} before the page break; the merged cell “{below.Text}” printed after the break may span some of them instead, and no wording hint tells");
        }
    }

    /// <summary>Each row's names read as printed: blank cells continue the merged cell above.</summary>
    private static List<(string? Level1, string? Level2)> Spans(IReadOnlyList<Printed> labels, FrameworkNames names)
    {
        var spans = new List<(string? Level1, string? Level2)>(labels.Count);
        string? previous1 = null, previous2 = null;
        foreach (var label in labels)
        {
            var (level1, level2) = (label.Level1?.Text, label.Level2?.Text);
            var continued = level1 is null && previous1 is not null;
            if (continued)
            {
                level1 = previous1;
                if (level2 is null)
                {
                    level2 = previous2;
                }
                else if (names.ParentOf(level2) is { } parent && !names.IsSame(parent, level1!))
                {
                    // A merged 一级指标 cell printed lower down than its first row: the framework says whose 二级 this is.
                    level1 = parent;
                }
            }

            spans.Add((level1, level2));
            (previous1, previous2) = (level1, level2);
        }

        return spans;
    }

    /// <summary>The rows whose 三级 name the framework's wording hints place under another 二级 than the one read.</summary>
    private static List<int> Contradicted(IReadOnlyList<Dictionary<string, SourceCell>> lines, List<(string? Level1, string? Level2)> spans, FrameworkNames names) =>
        [.. Enumerable.Range(0, lines.Count).Where(i => spans[i].Level2 is { } level2 && lines[i].TryGetValue(Level3, out var level3) && names.Contradicts(level2, level3.Text))];

    /// <summary>The other readings of the printed labels: each moves one label, or one run of labels, to other rows.</summary>
    private static IEnumerable<Reading> Readings(List<Printed> labels)
    {
        for (var p = 0; p < labels.Count; p++)
        {
            if (labels[p].Level2 is not { } label)
            {
                continue;
            }

            // 1. The merged cell printed at row p also spans the blank rows above it, from row k.
            for (var k = p - 1; k >= 0 && labels[k].IsBlank; k--)
            {
                var moved = new List<Printed>(labels) { [k] = labels[p], [p] = Printed.Blank };
                var (from, to) = (k, p);
                yield return new Reading(moved, p - k, label, lines => ($"假定合并单元格“{label.Text}”也跨越其文字上方的空行，从第 {Row(lines, from)} 行到第 {Row(lines, to)} 行", $"assumed the merged cell “{label.Text}” also spans the blank rows above its text, from row {Row(lines, from)} to row {Row(lines, to)}"));
            }

            // 2. The labels of rows a..p are printed one row early; row p + 1 is blank there or repeats the label.
            if (p + 1 < labels.Count && (labels[p + 1].IsBlank || labels[p + 1].Repeats(labels[p])))
            {
                for (var a = p; a > 0 && labels[a].Level2 is not null; a--)
                {
                    var shifted = new List<Printed>(labels);
                    for (var i = a; i <= p; i++)
                    {
                        shifted[i + 1] = labels[i];
                    }

                    shifted[a] = Printed.Blank;
                    var (from, to, start) = (a, p, labels[a].Level2!);
                    var next = labels[p + 1].IsBlank ? "is blank there" : $"prints “{label.Text}” again";
                    var nextZh = labels[p + 1].IsBlank ? "此处空白" : $"再次印出“{label.Text}”";
                    yield return new Reading(shifted, p - a + 1, start, lines => ($"假定{RowsZh(Row(lines, from), Row(lines, to))}的一级/二级指标名称提前一行印出，各属于下一行（第 {Row(lines, to + 1)} 行{nextZh}）", $"assumed the 一级/二级 labels of {Rows(Row(lines, from), Row(lines, to))} are printed one row early, each belonging to the row below (row {Row(lines, to + 1)} {next})"));
                }
            }
        }
    }

    private static int Row(IReadOnlyList<Dictionary<string, SourceCell>> lines, int line) => lines[line].Values.Min(c => c.Row);

    private static string Rows(int first, int last) => first == last ? $"row {first}" : $"rows {first}–{last}";

    private static string RowsZh(int first, int last) => first == last ? $"第 {first} 行" : $"第 {first}–{last} 行";

    /// <summary>The 一级/二级 cells a row prints, or null where it prints none.</summary>
    private sealed record Printed(SourceCell? Level1, SourceCell? Level2)
    {
        public static readonly Printed Blank = new(null, null);

        public bool IsBlank => Level1 is null && Level2 is null;

        /// <summary>The same 二级 (and 一级, if any) as <paramref name="above"/>: the extraction printed the label twice.</summary>
        public bool Repeats(Printed above) =>
            Level2?.Text == above.Level2?.Text && Level2 is not null && (Level1 is null || Level1.Text == above.Level1?.Text);
    }

    /// <summary>Printed labels moved to other rows: how many rows changed, the label cell to warn at, and what was assumed.</summary>
    private sealed record Reading(List<Printed> Labels, int Moved, SourceCell At, Func<IReadOnlyList<Dictionary<string, SourceCell>>, (string Zh, string En)> Describe);
}
