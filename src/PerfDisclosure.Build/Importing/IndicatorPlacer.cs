using PerfDisclosure.Core.Validation.Rules.Import;
namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Places the 绩效指标 rows under the header that names the level-1 and level-2 name columns, in the words the
/// layout's import patterns list (<c>level_headers:</c> of <c>templates/import/&lt;layout&gt;.yaml</c>). Rules, in order, each general:
/// <list type="number">
/// <item>A row of totals under the block (总分 with values under 分值 and 得分) gives each value to the total of its column's role.</item>
/// <item>A header may take two rows: where the layout groups indicator columns (<c>group:</c>, 年度指标值 over 指标性质 /
/// 指标值 / 度量单位), the row below the group's label names them.</item>
/// <item>A header column with no label is a merged cell the extraction may drop: a row with text in it is shifted left there.</item>
/// <item>A row with no value cells that follows a row whose 一级/二级 names are not the framework's, or a row with
/// values only that follows a row with names only, continues that row (text split by a page break or a narrow cell).</item>
/// <item>A row with text left of 一级指标 (where only the block's heading goes), or with a name in the 一级/二级
/// columns that is not the framework's, is misaligned: its cells are placed by what they hold (framework 一级 names,
/// framework 二级 names, then the 三级 name, then the values in column order).</item>
/// <item>A blank 一级指标 continues the one above (merged cell); so does a blank 二级指标 under a continued 一级指标.
/// Where the framework's wording hints contradict that reading, the merged cells' spans are read again (<see cref="MergedLabels"/>).</item>
/// <item>A value keeps its spaces except those of line wraps (<see cref="LineWraps"/>); a 三级 name has none.</item>
/// </list>
/// </summary>
public static class IndicatorPlacer
{
    public const string Level1 = "level1";
    public const string Level2 = "level2";
    public const string Level3 = "level3";

    /// <summary>Places the indicator block; returns its rows, so fields are not looked for in them.</summary>
    public static HashSet<IReadOnlyList<SourceCell>> Place(PlacingContext context, IReadOnlyList<IReadOnlyList<SourceCell>> rows)
    {
        var block = new HashSet<IReadOnlyList<SourceCell>>();
        var header = -1;
        for (var r = 0; r < rows.Count && header < 0; r++)
        {
            if (IsHeader(context, rows[r]) || IsSubHeader(context, rows[r]))
            {
                header = r;
            }
        }

        if (header < 0 || !rows[header].Any(c => context.LevelOf(Labels.Normalise(c.Text)) == Level1))
        {
            // No header names the level-1 column (a layout without level_headers:): its cells stay unplaced, reported.
            return block;
        }

        var columns = Columns(context, rows[header]);
        block.Add(rows[header]);
        if (header + 1 < rows.Count && IsSubHeader(context, rows[header + 1]))
        {
            // A header of two rows: the columns a layout groups (group:) are named in the row below their group's label.
            foreach (var (column, key) in Columns(context, rows[header + 1]))
            {
                columns[column] = key;
            }

            block.Add(rows[++header]);
        }

        var level1Column = columns.First(c => c.Value == Level1).Key;
        var valueKeys = context.Layout.IndicatorColumns.Select(c => c.Key).ToList();
        var phantoms = Enumerable.Range(level1Column, columns.Keys.Max() - level1Column).Where(i => !columns.ContainsKey(i)).ToList();
        var fieldLabels = FieldPlacer.Flatten(context.Layout.Fields, "").Select(e => e.Norm).ToHashSet(StringComparer.Ordinal);
        var names = new FrameworkNames(context.Settings.Frameworks.GetValueOrDefault(context.Layout.Framework));

        var raw = new List<Dictionary<string, SourceCell>>();
        var breaks = new List<int>();
        for (var r = header + 1; r < rows.Count; r++)
        {
            var first = rows[r].FirstOrDefault(c => !c.IsEmpty);
            if (first is null)
            {
                // An empty line inside the table: the extraction's page break.
                breaks.AddRange(rows[r].Take(1).Select(c => c.Row));
                continue;
            }

            var firstNorm = Labels.Normalise(first.Text);
            if (fieldLabels.Contains(firstNorm) || fieldLabels.Any(l => Labels.Base(l) == firstNorm))
            {
                if (PlaceTotals(context, rows[r], first, columns))
                {
                    block.Add(rows[r]);
                }

                break;
            }

            block.Add(rows[r]);
            if (rows[r].All(c => c.IsEmpty || IsRule(c.Text)))
            {
                // A page break of the PDF prints a rule of dashes across the table: not a row.
                rows[r].Where(c => !c.IsEmpty).ToList().ForEach(c => context.Consumed.Add(c));
                breaks.Add(first.Row);
                continue;
            }

            if (IsHeader(context, rows[r]) || IsSubHeader(context, rows[r]))
            {
                rows[r].Where(c => !c.IsEmpty).ToList().ForEach(c => context.Consumed.Add(c));
                continue;
            }

            raw.Add(Positional(context, rows[r], columns, phantoms, valueKeys));
        }

        var lines = MergeContinuations(raw, names, valueKeys).Select(cells => Resolve(context, cells, names, valueKeys)).ToList();
        var labels = MergedLabels.Read(context, lines, names, breaks);
        var widths = valueKeys.ToDictionary(k => k, k => lines.Select(l => l.TryGetValue(k, out var cell) ? LineWraps.WidestLine(cell.Text) : 0).ToList());
        for (var i = 0; i < lines.Count; i++)
        {
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            if (labels[i].Level1 is { } level1)
            {
                row[Level1] = level1;
            }

            if (labels[i].Level2 is { } level2)
            {
                row[Level2] = level2;
            }

            foreach (var (key, cell) in lines[i].Where(c => c.Key is not (Level1 or Level2)))
            {
                if (context.Layout.IndicatorColumn(key) is { Type: Core.Layouts.FieldType.Number or Core.Layouts.FieldType.Amount } numeric)
                {
                    if (CleanNumber.Read(cell.Text) is { } number)
                    {
                        row[key] = number;
                    }
                    else
                    {
                        context.Report(cell, ImportRules.WrongType, $"指标列 {key}（{numeric.Label}）要求数字：请写成数字，如 1234.5 或 1,234.5", $"not a number for the indicator column {key} ({numeric.Label}): write it as digits, e.g. 1234.5 or 1,234.5");
                    }

                    continue;
                }

                row[key] = key is Level3 ? cell.Text : context.Unwrap(cell, cell.Text, widths[key].Where((_, j) => j != i).DefaultIfEmpty(0).Max());
            }

            context.Form.Indicators.Add(row);
        }

        return block;
    }

    private static Dictionary<int, string> Columns(PlacingContext context, IReadOnlyList<SourceCell> header)
    {
        var columns = new Dictionary<int, string>();
        for (var i = 0; i < header.Count; i++)
        {
            var norm = Labels.Normalise(header[i].Text);
            var key = context.LevelOf(norm) ?? context.Layout.IndicatorColumns.FirstOrDefault(c => Labels.Normalise(c.Label) == norm || Labels.Base(Labels.Normalise(c.Label)) == norm)?.Key;
            if (key is not null)
            {
                columns[i] = key;
                context.Consumed.Add(header[i]);
            }
            else if (context.IsPrintedLabel(norm) || context.Layout.IndicatorColumns.Any(c => c.Group is { } group && Labels.Normalise(group) == norm))
            {
                context.Consumed.Add(header[i]);
            }
        }

        return columns;
    }

    /// <summary>What the sum of an indicator column is, by role: the 分值 column adds up to the total weight, 得分 to the total score.</summary>
    private static readonly (Core.Layouts.ColumnRole Column, Core.Layouts.FieldRole Total)[] Totals =
    [
        (Core.Layouts.ColumnRole.Weight, Core.Layouts.FieldRole.TotalWeight),
        (Core.Layouts.ColumnRole.Score, Core.Layouts.FieldRole.TotalScore),
    ];

    /// <summary>
    /// The row below the indicators whose label is a total's (总分) and whose values stand under the header's 分值 and
    /// 得分 columns only: each value goes to the total of its column's role, whatever the label names.
    /// </summary>
    /// <summary>The totals a row under the block gives (总分 with values under 分值 and 得分): each indicator column's key and its total's path.</summary>
    public static List<(string Key, string Path)> TotalsOf(Core.Layouts.LayoutDefinition layout) =>
        [.. Totals.Select(t => (Key: layout.ColumnOf(t.Column), Path: layout.PathOf(t.Total))).Where(t => t.Key is not null && t.Path is not null).Select(t => (t.Key!, t.Path!))];

    private static bool PlaceTotals(PlacingContext context, IReadOnlyList<SourceCell> row, SourceCell label, Dictionary<int, string> columns)
    {
        var entries = FieldPlacer.Flatten(context.Layout.Fields, "").ToList();
        var norm = Labels.Normalise(label.Text);
        var totals = TotalsOf(context.Layout);
        if (!entries.Any(e => totals.Any(t => t.Path == e.Path) && (e.Norm == norm || e.BaseNorm == norm)))
        {
            return false;
        }

        var values = row.Select((cell, i) => (Cell: cell, Index: i)).Where(x => !x.Cell.IsEmpty && x.Cell != label).ToList();
        var placed = values.Select(x => (x.Cell, Total: columns.TryGetValue(x.Index, out var key) ? totals.FirstOrDefault(t => t.Key == key) : default)).ToList();
        if (values.Count == 0 || placed.Any(p => p.Total.Path is null))
        {
            return false;
        }

        context.Consumed.Add(label);
        foreach (var (cell, total) in placed)
        {
            FieldPlacer.Assign(context, entries.First(e => e.Path == total.Path), cell);
        }

        return true;
    }

    /// <summary>
    /// A required total weight the form does not print (its layout prints only 总分): what its weights add up to, the
    /// execution weight and every indicator's 分值, written and told as an assumption to check (PD1007).
    /// </summary>
    public static void AddUnprintedTotalWeight(PlacingContext context)
    {
        var layout = context.Layout;
        if (layout.PathOf(Core.Layouts.FieldRole.TotalWeight) is not { } path || context.Form.Values.ContainsKey(path)
            || FieldPlacer.Flatten(layout.Fields, "").FirstOrDefault(e => e.Path == path) is not { Field.Required: true } entry
            || layout.ColumnOf(Core.Layouts.ColumnRole.Weight) is not { } weightKey)
        {
            return;
        }

        var execution = layout.PathOf(Core.Layouts.FieldRole.ExecutionWeight) is { } at && context.Form.Values.TryGetValue(at, out var printed) ? [printed.Text] : Array.Empty<string>();
        var weights = execution.Concat(context.Form.Indicators.Select(row => row.GetValueOrDefault(weightKey)).OfType<string>()).ToList();
        if (weights.Count == 0)
        {
            return;
        }

        var sum = weights.Sum(w => decimal.Parse(w, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Form.Values[path] = new ImportedValue(entry.Field, sum, context.Form.Title);
        context.Assume(context.Form.Title, $"表单未印{entry.Field.Label}，按各项分值之和 {sum} 写入 {path}，请核对", $"the form prints no {entry.Field.Label}: wrote {path}: {sum}, what the weights add up to; check it");
    }

    /// <summary>
    /// Whether the row is the indicator table's header: it names the layout's level-1 and level-2 name columns, in
    /// any wording the layout's import patterns list (<c>level_headers:</c>).
    /// </summary>
    private static bool IsHeader(PlacingContext context, IReadOnlyList<SourceCell> row)
    {
        var levels = row.Select(c => context.LevelOf(Labels.Normalise(c.Text))).ToHashSet();
        return levels.Contains(Level1) && levels.Contains(Level2);
    }

    /// <summary>Whether every cell of the row with text names an indicator column the layout places in a group (the header's second row).</summary>
    private static bool IsSubHeader(PlacingContext context, IReadOnlyList<SourceCell> row)
    {
        var grouped = context.Layout.IndicatorColumns.Where(c => c.Group is not null).Select(c => Labels.Normalise(c.Label)).ToHashSet(StringComparer.Ordinal);
        var texts = row.Where(c => !c.IsEmpty).Select(c => Labels.Normalise(c.Text)).ToList();
        return grouped.Count > 0 && texts.Count > 0 && texts.All(grouped.Contains);
    }

    /// <summary>Cells by column key; text in a phantom column shifts the rest of the row one place right per phantom.</summary>
    private static Dictionary<string, SourceCell> Positional(PlacingContext context, IReadOnlyList<SourceCell> row, Dictionary<int, string> columns, List<int> phantoms, List<string> valueKeys)
    {
        var shift = phantoms.Count > 0 && phantoms.Any(p => p < row.Count && !row[p].IsEmpty) ? phantoms.Count : 0;
        var firstValue = columns.Where(c => valueKeys.Contains(c.Value)).Select(c => c.Key).DefaultIfEmpty(-1).Min();
        var noValues = firstValue < 0 || !row.Skip(firstValue).Any(c => !c.IsEmpty);
        var sideText = row.Take(columns.Keys.Min()).Any(c => !c.IsEmpty && !context.IsPrintedLabel(Labels.Normalise(c.Text)));
        var lone = row.Count(c => !c.IsEmpty) < 2;
        if (shift == 0 && firstValue > 0 && (sideText || (noValues && !lone && firstValue - 1 < row.Count && !row[firstValue - 1].IsEmpty)))
        {
            // The row's cells end one column early (or start left of the table): the extraction shifted it left.
            return Positional(context, [new SourceCell(0, 0, string.Empty), .. row], columns, phantoms, valueKeys);
        }

        var cells = new Dictionary<string, SourceCell>(StringComparer.Ordinal);
        var side = 0;
        for (var i = 0; i < row.Count; i++)
        {
            if (row[i].IsEmpty)
            {
                continue;
            }

            context.Consumed.Add(row[i]);
            var position = shift > 0 && i >= phantoms[0] ? i + shift : i;
            if (columns.TryGetValue(position, out var key) && !cells.ContainsKey(key))
            {
                cells[key] = row[i];
            }
            else if (position < columns.Keys.Min() && context.IsPrintedLabel(Labels.Normalise(row[i].Text)))
            {
                continue;
            }
            else
            {
                // Text outside the known columns: kept under a side key, so the row is treated as misaligned.
                cells[$"side{side++}"] = row[i];
            }
        }

        return cells;
    }

    private static List<Dictionary<string, SourceCell>> MergeContinuations(List<Dictionary<string, SourceCell>> raw, FrameworkNames names, List<string> valueKeys)
    {
        var merged = new List<Dictionary<string, SourceCell>>();
        foreach (var row in raw)
        {
            var hasValues = valueKeys.Any(row.ContainsKey);
            var hasNames = row.ContainsKey(Level1) || row.ContainsKey(Level2) || row.ContainsKey(Level3);
            var last = merged.Count > 0 ? merged[^1] : null;
            var lastBroken = last is not null && ((last.TryGetValue(Level1, out var l1) && !names.IsLevel1(l1.Text)) || (last.TryGetValue(Level2, out var l2) && !names.IsLevel2(l2.Text) && !names.IsLevel1(l2.Text)));
            var lastHasValues = last is not null && valueKeys.Any(last.ContainsKey);
            var onlyKnownKeys = row.Keys.All(k => k is Level1 or Level2 or Level3 || valueKeys.Contains(k));
            var broken = (row.TryGetValue(Level1, out var r1) && !names.IsLevel1(r1.Text)) || (row.TryGetValue(Level2, out var r2) && !names.IsLevel2(r2.Text)) || (!row.ContainsKey(Level1) && !row.ContainsKey(Level2));
            if (last is not null && onlyKnownKeys && ((!hasValues && lastBroken && broken && JoinsIntoNames(last, row, names)) || (hasValues && !hasNames && !lastHasValues)))
            {
                foreach (var (key, cell) in row)
                {
                    last[key] = last.TryGetValue(key, out var before) ? before with { Text = before.Text + cell.Text } : cell;
                }

                continue;
            }

            merged.Add(row);
        }

        return merged;
    }

    /// <summary>The row's cells by key, names compared and joined; a misaligned row is placed by what its cells hold.</summary>
    private static Dictionary<string, SourceCell> Resolve(PlacingContext context, Dictionary<string, SourceCell> cells, FrameworkNames names, List<string> valueKeys)
    {
        var misaligned = cells.Keys.Any(k => k.StartsWith("side", StringComparison.Ordinal))
            || (cells.TryGetValue(Level1, out var l1) && !names.IsLevel1(l1.Text))
            || (cells.TryGetValue(Level2, out var l2) && !names.IsLevel2(l2.Text) && !names.IsLevel1(l2.Text));
        var row = new Dictionary<string, SourceCell>(StringComparer.Ordinal);
        if (!misaligned)
        {
            foreach (var (key, cell) in cells)
            {
                row[key] = Named(key, cell);
            }

            return row;
        }

        // Placed by content, in reading order: the cells of the row as the source printed them.
        var ordered = cells.Values.OrderBy(c => c.Row).ThenBy(c => c.Column).ToList();
        var values = new Queue<string>(valueKeys);
        foreach (var cell in ordered)
        {
            if (!row.ContainsKey(Level1) && !row.ContainsKey(Level2) && !row.ContainsKey(Level3) && names.IsLevel1(cell.Text))
            {
                row[Level1] = Named(Level1, cell);
            }
            else if (!row.ContainsKey(Level2) && !row.ContainsKey(Level3) && names.IsLevel2(cell.Text))
            {
                row[Level2] = Named(Level2, cell);
            }
            else if (!row.ContainsKey(Level3) && row.TryGetValue(Level2, out var same) && same.Text == Labels.Normalise(cell.Text))
            {
                // The same 二级 name printed again in the next column: a duplicate of the merged cell, not a 三级 name.
                continue;
            }
            else if (!row.ContainsKey(Level3) && values.Count == valueKeys.Count)
            {
                row[Level3] = Named(Level3, cell);
            }
            else if (values.Count > 0)
            {
                row[values.Dequeue()] = cell;
            }
            else
            {
                context.Report(cell, ImportRules.CellNotPlaced, "指标行的单元格多于布局的指标列", "indicator row has more cells than the layout has columns");
            }
        }

        return row;
    }

    /// <summary>一级/二级 names as compared (no spaces); a 三级 name joined where a narrow cell wrapped it; values as printed.</summary>
    private static SourceCell Named(string key, SourceCell cell) => key switch
    {
        Level1 or Level2 => cell with { Text = Labels.Normalise(cell.Text) },
        Level3 => cell with { Text = LineWraps.JoinAll(cell.Text) },
        _ => cell,
    };

    /// <summary>Whether the 一级/二级 texts of two rows, joined, are the framework's names (a name split over two lines).</summary>
    private static bool JoinsIntoNames(Dictionary<string, SourceCell> last, Dictionary<string, SourceCell> row, FrameworkNames names)
    {
        string? Joined(string key) => last.TryGetValue(key, out var a) ? a.Text + (row.TryGetValue(key, out var b) ? b.Text : string.Empty) : row.GetValueOrDefault(key)?.Text;
        var (level1, level2) = (Joined(Level1), Joined(Level2));
        return (level1 is null || names.IsLevel1(level1)) && (level2 is null || names.IsLevel2(level2) || names.IsLevel1(level2));
    }

    private static bool IsRule(string text) => text.Length >= 2 && text.All(c => c == '-');
}
