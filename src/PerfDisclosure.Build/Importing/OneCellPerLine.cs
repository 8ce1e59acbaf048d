using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Text with one cell per line, as <c>pdftotext</c> without <c>-layout</c> gives many published forms and as a form
/// copied cell by cell reads: the lines are put back into rows by what the layouts say, so the placers read it as
/// they read a sheet. A title a layout declares is a row of its own; a field label and the values after it up to the
/// next label are one row (label, then its values to the right), and a value running over several lines after a
/// text label is one cell; a matrix label (项目资金 of a self-evaluation), each of its row labels, and the label after
/// them start a row; the indicator header (the line naming 一级指标 and the column labels after it, a column group's
/// labels in a second row below it) is a row, and below it a framework 一级 name starts a row, a 二级 name starts a
/// row unless the row has only its 一级 name, and other lines fill the next columns in header order (三级指标, then
/// the values), a new row when the row is full. Findings name the line of the text, column 1.
/// </summary>
public static class OneCellPerLine
{
    /// <summary>Whether the text reads as one cell per line: no line holds two cells, and a layout's title is a line of its own with more lines after it.</summary>
    public static bool Is(SourceTable table, ImportSettings settings)
    {
        var cells = table.Rows.Select(r => r.Where(c => !c.IsEmpty).ToList()).ToList();
        if (cells.Any(r => r.Count > 1))
        {
            return false;
        }

        var titles = TableImporter.TitlePatterns(settings);
        var lines = cells.Where(r => r.Count == 1).Select(r => r[0]).ToList();
        var first = lines.FindIndex(c => titles.Any(t => t.Pattern.IsMatch(Labels.Normalise(c.Text))));
        return first >= 0 && lines.Count - first > 2;
    }

    /// <summary>The table rebuilt as rows, the line each rebuilt cell came from (row, column of the rebuilt table → row of the text), and what was assumed.</summary>
    public static (SourceTable Table, Dictionary<(int Row, int Column), int> Lines, List<ImportNote> Notes) Rebuild(SourceTable table, ImportSettings settings)
    {
        var builder = new Builder(settings, table.File);
        foreach (var cell in table.Rows.SelectMany(r => r).Where(c => !c.IsEmpty))
        {
            builder.Add(cell);
        }

        return (new SourceTable(table.File, builder.Rows()), builder.Lines, builder.Notes);
    }

    /// <summary>Findings at a rebuilt cell, moved to the line of the text it came from.</summary>
    public static ImportResult Remap(ImportResult result, Dictionary<(int Row, int Column), int> lines, IReadOnlyList<ImportNote> assumed)
    {
        int Line(int row, int column) => lines.TryGetValue((row, column), out var line) ? line : lines.Where(l => l.Key.Row == row).Select(l => l.Value).DefaultIfEmpty(row).Min();
        UnplacedCell Move(UnplacedCell u) => u with { Row = Line(u.Row, u.Column), Column = 1 };
        var moved = new Dictionary<UnplacedCell, UnplacedCell>();
        foreach (var u in result.Unplaced.Concat(result.Forms.SelectMany(f => f.Problems)).Distinct())
        {
            moved[u] = Move(u);
        }

        foreach (var form in result.Forms)
        {
            var problems = form.Problems.Select(p => moved[p]).ToList();
            form.Problems.Clear();
            form.Problems.AddRange(problems);
            form.MoveTitleToLine(Line(form.Title.Row, form.Title.Column));
        }

        return new ImportResult(result.Forms, [.. result.Unplaced.Select(u => moved[u])], [.. result.Notes.Select(n => n with { Row = Line(n.Row, n.Column), Column = 1 }).Concat(assumed).OrderBy(n => n.Row)]);
    }

    /// <summary>What the lines of one form are, by the labels and names of the layouts whose title started it.</summary>
    private sealed class Builder(ImportSettings settings, string file)
    {
        private readonly List<List<(int Column, SourceCell Cell)>> rows = [];
        private readonly List<(LayoutDefinition Layout, System.Text.RegularExpressions.Regex Pattern)> titles = TableImporter.TitlePatterns(settings);
        private List<LayoutDefinition> layouts = [];
        private List<FieldPlacer.Entry> entries = [];
        private List<FrameworkNames> names = [];
        private Mode mode = Mode.Outside;
        private Dictionary<string, int> indicatorColumns = new(StringComparer.Ordinal);
        private int lastColumn;
        private FieldPlacer.Entry? joinable;
        private bool valueSeen;
        private string? currentLevel1;
        private List<int> totalColumns = [];
        private (FieldDefinition Row, List<(int Column, string Norm)> Header, int Next)? matrix;
        private List<(int Column, string Norm)> matrixHeader = [];

        private enum Mode
        {
            Outside,
            Fields,
            Matrix,
            Header,
            Indicators,
            Totals,
        }

        public Dictionary<(int Row, int Column), int> Lines { get; } = [];

        /// <summary>What was assumed, at the line of the text: a line joined to the one above.</summary>
        public List<ImportNote> Notes { get; } = [];

        public List<IReadOnlyList<SourceCell>> Rows()
        {
            NewRow();
            var built = new List<IReadOnlyList<SourceCell>>();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new List<SourceCell>();
                foreach (var (column, cell) in rows[r].OrderBy(c => c.Column))
                {
                    row.AddRange(Enumerable.Range(row.Count + 1, column - row.Count - 1).Select(c => new SourceCell(r + 1, c, string.Empty)));
                    row.Add(new SourceCell(r + 1, column, cell.Text));
                    Lines[(r + 1, column)] = cell.Row;
                }

                built.Add(row.Count == 0 ? [new SourceCell(r + 1, 1, string.Empty)] : row);
            }

            return built;
        }

        public void Add(SourceCell cell)
        {
            var norm = Labels.Normalise(cell.Text);
            var started = titles.Where(t => t.Pattern.IsMatch(norm)).Select(t => t.Layout).Distinct().ToList();
            if (started.Count > 0)
            {
                Start(started);
                NewRow(cell);
                mode = Mode.Fields;
                NewRow();
                return;
            }

            if (mode == Mode.Outside)
            {
                NewRow(cell);
                return;
            }

            var level = LevelOf(norm);
            if (mode is Mode.Fields or Mode.Matrix && level == IndicatorPlacer.Level1)
            {
                StartHeader(cell);
                return;
            }

            if (mode == Mode.Header && (level is not null || IsColumnLabel(norm)))
            {
                AddHeader(cell, norm, level);
                return;
            }

            if (mode == Mode.Matrix && entries.Where(e => e.IsMatrix).SelectMany(e => e.Field.Children).FirstOrDefault(f => IsLabelOf(f, norm)) is { } matrixRow)
            {
                NewRow(cell);
                matrix = (matrixRow, matrixHeader, 0);
                return;
            }

            if (mode == Mode.Matrix && matrix is null && MatrixLabels(e => e.Field.Children[0].Children).Contains(norm))
            {
                Append(cell);
                matrixHeader.Add((rows[^1][^1].Column, norm));
                return;
            }

            if (mode == Mode.Matrix && matrix is { } m && !entries.Any(e => e.Norm == norm || e.BaseNorm == norm))
            {
                // A value of a matrix row goes under the next column the row has whose type takes it: the cells the
                // row leaves empty are no lines, so a text (原因) is not taken for a number.
                var numeric = CleanNumber.Read(cell.Text) is not null;
                var next = m.Next;
                while (next < m.Header.Count && m.Row.Children.FirstOrDefault(f => IsLabelOf(f, m.Header[next].Norm)) is var f && (f is null || (f.Type is FieldType.Amount or FieldType.Number && !numeric)))
                {
                    next++;
                }

                rows[^1].Add((next < m.Header.Count ? m.Header[next].Column : rows[^1].Select(c => c.Column).Max() + 1, cell));
                matrix = (m.Row, m.Header, next + 1);
                return;
            }

            var label = entries.Where(e => e.Norm == norm || e.BaseNorm == norm).ToList();
            if (mode == Mode.Totals && label.Count == 0)
            {
                rows[^1].Add((rows[^1].Count + 1000, cell));
                return;
            }

            if (mode == Mode.Indicators && label.Count > 0 && !IsName(cell.Text) && layouts.SelectMany(IndicatorPlacer.TotalsOf).Where(t => label.Any(l => l.Path == t.Path)).ToList() is { Count: > 0 })
            {
                // A row of totals under the block: its values stand under the columns whose totals they are (分值, 得分).
                NewRow();
                mode = Mode.Totals;
                totalColumns = [.. layouts.SelectMany(IndicatorPlacer.TotalsOf).Select(t => indicatorColumns.GetValueOrDefault(t.Key)).Where(c => c > 0).Distinct().Order()];
                rows[^1].Add((indicatorColumns.GetValueOrDefault(IndicatorPlacer.Level1, 2), cell));
                return;
            }

            if (mode is Mode.Header or Mode.Indicators && (label.Count == 0 || IsName(cell.Text)))
            {
                mode = Mode.Indicators;
                AddIndicatorCell(cell);
                return;
            }

            if (label.Count > 0)
            {
                AddLabel(cell, label);
                return;
            }

            if (joinable is not null && valueSeen)
            {
                // A long text wrapped over several lines is one cell: no space where a wide character meets the wrap.
                var (column, last) = rows[^1][^1];
                Notes.Add(new ImportNote(file, cell.Row, 1, Core.Validation.Rules.Import.ImportRules.Assumed, $"把这一行接在上一行之后，当作“{joinable.Field.Label}”折行的文字：“{cell.Text}”；如果它是另一个单元格，请改正原文", $"joined this line to the line above as the wrapped text of “{joinable.Field.Label}”: “{cell.Text}”; if it is another cell, correct the source"));
                var wide = LineWraps.Width(last.Text[^1..]) == 2 || LineWraps.Width(cell.Text[..1]) == 2;
                rows[^1][^1] = (column, last with { Text = last.Text + (wide ? string.Empty : " ") + cell.Text });
                return;
            }

            Append(cell);
            valueSeen = joinable is not null;
        }

        private void Start(List<LayoutDefinition> started)
        {
            layouts = started;
            entries = [.. layouts.SelectMany(l => FieldPlacer.Flatten(l.Fields, ""))];
            names = [.. layouts.Select(l => new FrameworkNames(settings.Frameworks.GetValueOrDefault(l.Framework)))];
            joinable = null;
        }

        private void AddLabel(SourceCell cell, List<FieldPlacer.Entry> label)
        {
            joinable = null;
            matrix = null;
            if (label.Any(e => e.IsMatrix))
            {
                matrixHeader = [];
                mode = Mode.Matrix;
                NewRow(cell);
            }
            else if (mode is Mode.Matrix or Mode.Indicators or Mode.Header or Mode.Totals)
            {
                mode = Mode.Fields;
                NewRow(cell);
            }
            else
            {
                Append(cell);
            }

            // A long text (Markdown) may run over several lines: they are joined, and told.
            joinable = label is [{ Field.Type: FieldType.Markdown }] ? label[0] : null;
            valueSeen = false;
        }

        private void StartHeader(SourceCell cell)
        {
            // A block heading (绩效指标) just before the header is printed left of it.
            var heading = rows[^1].Count > 0 && IsPrinted(Labels.Normalise(rows[^1][^1].Cell.Text)) ? rows[^1][^1] : default;
            if (heading.Cell is not null)
            {
                rows[^1].RemoveAt(rows[^1].Count - 1);
            }

            mode = Mode.Header;
            NewRow();
            if (heading.Cell is not null)
            {
                rows[^1].Add((1, heading.Cell));
            }

            indicatorColumns = new(StringComparer.Ordinal) { [IndicatorPlacer.Level1] = 2 };
            rows[^1].Add((2, cell));
            lastColumn = 2;
            joinable = null;
        }

        private void AddHeader(SourceCell cell, string norm, string? level)
        {
            var grouped = layouts.SelectMany(l => l.IndicatorColumns).Where(c => c.Group is { } g && Labels.Normalise(g) == norm).Select(c => c.Key).Distinct().ToList();
            var sub = layouts.SelectMany(l => l.IndicatorColumns).FirstOrDefault(c => c.Group is not null && (Labels.Normalise(c.Label) == norm || Labels.Base(Labels.Normalise(c.Label)) == norm));
            if (sub is not null && indicatorColumns.TryGetValue(sub.Key, out var reserved))
            {
                // The second header row: a grouped column's label under its group's label.
                if (rows[^1].Any(c => c.Column == reserved && !IsGroupLabel(c.Cell.Text)) || rows.Count < 2 || !rows[^1].Any(c => IsGroupLabel(c.Cell.Text)))
                {
                    rows[^1].Add((reserved, cell));
                    return;
                }

                NewRow();
                rows[^1].Add((reserved, cell));
                return;
            }

            var column = ++lastColumn;
            rows[^1].Add((column, cell));
            if (grouped.Count > 0)
            {
                // A group's label stands over its columns, which the row below names.
                foreach (var key in grouped)
                {
                    indicatorColumns[key] = column++;
                }

                lastColumn = column - 1;
                return;
            }

            var key2 = level ?? layouts.SelectMany(l => l.IndicatorColumns).First(c => Labels.Normalise(c.Label) == norm || Labels.Base(Labels.Normalise(c.Label)) == norm).Key;
            indicatorColumns.TryAdd(key2, column);
        }

        private void AddIndicatorCell(SourceCell cell)
        {
            var level1 = indicatorColumns.GetValueOrDefault(IndicatorPlacer.Level1, 2);
            var level2 = indicatorColumns.GetValueOrDefault(IndicatorPlacer.Level2, level1 + 1);
            var level3 = indicatorColumns.GetValueOrDefault(IndicatorPlacer.Level3, level2 + 1);
            var last = indicatorColumns.Values.Max();
            var filled = rows[^1].Select(c => c.Column).DefaultIfEmpty(0).Max();
            // A name the framework lists at both levels (成本指标) is a 二级指标 under a 一级指标 that lists it.
            var underLevel1 = currentLevel1 is not null && names.Any(n => n.IsUnder(currentLevel1, cell.Text));
            if (names.Any(n => n.IsLevel1(cell.Text)) && !underLevel1)
            {
                currentLevel1 = cell.Text;
                NewRow();
                rows[^1].Add((level1, cell));
                return;
            }

            if (underLevel1 || names.Any(n => n.IsLevel2(cell.Text)))
            {
                if (filled >= level2 || mode == Mode.Header)
                {
                    NewRow();
                }

                rows[^1].Add((level2, cell));
                return;
            }

            var column = Math.Max(filled + 1, level3);
            if (column > last || rows[^1].Any(c => c.Cell is { } x && LevelOf(Labels.Normalise(x.Text)) is not null) || IsHeaderRow())
            {
                NewRow();
                column = level3;
            }

            rows[^1].Add((column, cell));
        }

        private static bool IsLabelOf(FieldDefinition field, string norm) => Labels.Normalise(field.Label) == norm || Labels.Base(Labels.Normalise(field.Label)) == norm;

        /// <summary>The labels of the matrix fields' rows or columns, as compared.</summary>
        private HashSet<string> MatrixLabels(Func<FieldPlacer.Entry, IEnumerable<FieldDefinition>> of) =>
            [.. entries.Where(e => e.IsMatrix).SelectMany(of).SelectMany(f => new[] { Labels.Normalise(f.Label), Labels.Base(Labels.Normalise(f.Label)) })];

        private bool IsHeaderRow() => rows[^1].Any(c => IsColumnLabel(Labels.Normalise(c.Cell.Text)));

        private bool IsName(string text) => names.Any(n => n.IsLevel1(text) || n.IsLevel2(text));

        private bool IsColumnLabel(string norm) =>
            layouts.SelectMany(l => l.IndicatorColumns).Any(c => Labels.Normalise(c.Label) == norm || Labels.Base(Labels.Normalise(c.Label)) == norm || (c.Group is { } g && Labels.Normalise(g) == norm));

        private bool IsGroupLabel(string text) => layouts.SelectMany(l => l.IndicatorColumns).Any(c => c.Group is { } g && Labels.Normalise(g) == Labels.Normalise(text));

        /// <summary>The name column a header cell heads in the indicator table of any layout that started the form, or null.</summary>
        private string? LevelOf(string norm) => layouts.Select(l => settings.LevelOf(l.Id, norm)).FirstOrDefault(level => level is not null);

        private bool IsPrinted(string norm) => layouts.Any(l => settings.PrintedLabels.TryGetValue(l.Id, out var printed) && printed.Contains(norm));

        private void Append(SourceCell cell)
        {
            if (rows.Count == 0)
            {
                NewRow();
            }

            rows[^1].Add((rows[^1].Select(c => c.Column).DefaultIfEmpty(0).Max() + 1, cell));
        }

        private void NewRow(SourceCell? first = null)
        {
            if (rows.Count > 0 && rows[^1].Any(c => c.Column >= 1000))
            {
                // The values printed, right-aligned under the total columns: a form printing 总分 alone gives the score.
                var values = rows[^1].Where(c => c.Column >= 1000).ToList();
                var columns = totalColumns.Skip(Math.Max(0, totalColumns.Count - values.Count)).ToList();
                rows[^1].RemoveAll(c => c.Column >= 1000);
                rows[^1].AddRange(values.Select((v, i) => (i < columns.Count ? columns[i] : rows[^1].Select(c => c.Column).Max() + 1 + i, v.Cell)));
            }

            if (rows.Count == 0 || rows[^1].Count > 0)
            {
                rows.Add([]);
            }

            if (first is not null)
            {
                rows[^1].Add((1, first));
            }
        }
    }
}
