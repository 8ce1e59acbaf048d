using System.Text.RegularExpressions;
using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Validation;
using PerfDisclosure.Core.Validation.Rules.Import;

namespace PerfDisclosure.Build.Importing;

/// <summary>
/// Reads the forms of one table: a row holding only a layout's title starts a form; the layout whose labels the form
/// prints best is chosen; then fields (<see cref="FieldPlacer"/>) and indicators (<see cref="IndicatorPlacer"/>) are
/// placed, and every non-empty cell left over is reported.
/// </summary>
public static partial class TableImporter
{
    public static ImportResult Import(SourceTable table, ImportSettings settings)
    {
        var titles = TitlePatterns(settings);
        var starts = new List<(int Row, SourceCell Title, List<LayoutDefinition> Candidates, int? Year)>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var cells = table.Rows[r].Where(c => !c.IsEmpty).ToList();
            if (cells.Count != 1)
            {
                continue;
            }

            var norm = Labels.Normalise(cells[0].Text);
            var matched = titles.Select(t => (t.Layout, Match: t.Pattern.Match(norm))).Where(t => t.Match.Success).ToList();
            if (matched.Count > 0)
            {
                var year = matched.Select(m => m.Match.Groups["year"]).FirstOrDefault(g => g.Success)?.Value;
                starts.Add((r, cells[0], [.. matched.Select(m => m.Layout).Distinct()], year is null ? null : int.Parse(year, System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        var unplaced = new List<UnplacedCell>();
        var notes = new List<ImportNote>();
        var forms = new List<ImportedForm>();
        var firstForm = starts.Count == 0 ? table.Rows.Count : starts[0].Row;
        foreach (var row in table.Rows.Take(firstForm))
        {
            var cells = row.Where(c => !c.IsEmpty).ToList();
            if (starts.Count > 0 && cells.Count == 1)
            {
                // A line of its own above the first form is the document's heading (a compilation's title), not a cell of a form.
                notes.Add(new ImportNote(table.File, cells[0].Row, cells[0].Column, ImportRules.Heading, $"第一张表单上方的标题，不属于任何表单：“{cells[0].Text}”", $"heading above the first form, not part of any form: “{cells[0].Text}”"));
                continue;
            }

            unplaced.AddRange(cells.Select(c => new UnplacedCell(table.File, c.Row, c.Column, c.Text, ImportRules.OutsideForm, "不在任何表单内（上方没有布局的标题）", "outside any form (no layout title above it)")));
        }

        for (var i = 0; i < starts.Count; i++)
        {
            var end = i + 1 < starts.Count ? starts[i + 1].Row : table.Rows.Count;
            var rows = table.Rows.Skip(starts[i].Row).Take(end - starts[i].Row).ToList();
            var problemsBefore = unplaced.Count;
            var layout = Choose(starts[i].Candidates, rows);
            var consumed = new HashSet<SourceCell> { starts[i].Title };
            var form = new ImportedForm(layout, starts[i].Title) { File = table.File };
            form.Year = starts[i].Year ?? FindYear(rows, consumed) ?? settings.Year;
            if (form.Year is null)
            {
                unplaced.Add(new UnplacedCell(table.File, starts[i].Title.Row, starts[i].Title.Column, starts[i].Title.Text, ImportRules.NoYear, "表单未印年度：请用 --year 指定", "the form prints no year: give it with --year"));
            }

            var context = new PlacingContext(table.File, form, settings, consumed, unplaced, notes);
            var indicatorRows = IndicatorPlacer.Place(context, rows);
            FieldPlacer.Place(context, rows.Where(r => !indicatorRows.Contains(r)).ToList());
            IndicatorPlacer.AddUnprintedTotalWeight(context);
            foreach (var cell in rows.SelectMany(r => r).Where(c => !c.IsEmpty && !consumed.Contains(c)))
            {
                unplaced.Add(new UnplacedCell(table.File, cell.Row, cell.Column, cell.Text, ImportRules.CellNotPlaced, "未放入任何字段", "not placed in any field"));
            }

            foreach (var cell in rows.SelectMany(r => r).Where(c => c.Text.StartsWith('=') && consumed.Contains(c)))
            {
                notes.Add(new ImportNote(table.File, cell.Row, cell.Column, ImportRules.FormulaText, $"形似公式的文字按原样作为文字导入：“{cell.Text}”", $"text that looks like a formula imported as text, as printed: “{cell.Text}”"));
            }

            if (form.Owner is null && !unplaced.Skip(problemsBefore).Any(u => u.Rule == ImportRules.UnknownOrganisation))
            {
                var owner = FieldPlacer.Flatten(layout.Fields, "").FirstOrDefault(e => e.Path == layout.Owner);
                unplaced.Add(new UnplacedCell(table.File, starts[i].Title.Row, starts[i].Title.Column, starts[i].Title.Text, ImportRules.NoOwner, $"表单未印所属机构（{owner?.Field.Label ?? layout.Owner}），未写入", $"the form prints no owner organisation ({owner?.Field.Label ?? layout.Owner}), so it is not written"));
            }

            form.Problems.AddRange(unplaced.Skip(problemsBefore));
            form.Placed = rows.SelectMany(r => r).Count(c => !c.IsEmpty && consumed.Contains(c) && !form.Problems.Any(p => p.Row == c.Row && p.Column == c.Column));
            forms.Add(form);
        }

        return new ImportResult(forms, [.. unplaced.OrderBy(u => u.Row).ThenBy(u => u.Column)], [.. notes.OrderBy(n => n.Row).ThenBy(n => n.Column)]);
    }

    /// <summary>
    /// Each layout's title and the titles its import file declares, as patterns over the normalised text
    /// (<see cref="Labels.Normalise"/>): <c>{year}</c> is four digits, taken as the form's year.
    /// </summary>
    internal static List<(LayoutDefinition Layout, Regex Pattern)> TitlePatterns(ImportSettings settings)
    {
        var patterns = new List<(LayoutDefinition, Regex)>();
        foreach (var layout in settings.Layouts.Values.OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            foreach (var title in settings.Titles.GetValueOrDefault(layout.Id, []).Prepend(layout.Title))
            {
                var parts = Labels.Normalise(title).Split("{year}");
                var year = parts.Length > 1 ? string.Join("(?<year>[12][0-9]{3})", parts.Select(Regex.Escape)) : Regex.Escape(parts[0]);
                patterns.Add((layout, new Regex("^" + year + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))));
            }
        }

        return patterns;
    }

    /// <summary>Layouts sharing a title (two Shanghai periods) are told apart by how many of their labels the form prints.</summary>
    private static LayoutDefinition Choose(List<LayoutDefinition> candidates, IReadOnlyList<IReadOnlyList<SourceCell>> rows)
    {
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var printed = rows.SelectMany(r => r).Where(c => !c.IsEmpty).Select(c => Labels.Normalise(c.Text)).ToHashSet(StringComparer.Ordinal);
        return candidates
            .OrderByDescending(l =>
            {
                var labels = FieldPlacer.Flatten(l.Fields, "").Select(e => e.Norm).Concat(l.IndicatorColumns.Select(c => Labels.Normalise(c.Label))).Distinct().ToList();
                return labels.Count(printed.Contains) - labels.Count(x => !printed.Contains(x));
            })
            .ThenBy(l => l.Id, StringComparer.Ordinal)
            .First();
    }

    private static int? FindYear(IReadOnlyList<IReadOnlyList<SourceCell>> rows, HashSet<SourceCell> consumed)
    {
        foreach (var cell in rows.Take(4).SelectMany(r => r))
        {
            if (YearLine().Match(cell.Text) is { Success: true } match)
            {
                consumed.Add(cell);
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    [GeneratedRegex(@"^[(（]?\s*(\d{4})\s*年度\s*[)）]?$")]
    private static partial Regex YearLine();
}

/// <summary>The state shared by the placers while one form is read.</summary>
public sealed record PlacingContext(string File, ImportedForm Form, ImportSettings Settings, HashSet<SourceCell> Consumed, List<UnplacedCell> Unplaced, List<ImportNote> Notes)
{
    public LayoutDefinition Layout => Form.Layout;

    public void Report(SourceCell cell, Rule rule, string reasonZh, string reason) => Unplaced.Add(new UnplacedCell(File, cell.Row, cell.Column, cell.Text, rule, reasonZh, reason));

    /// <summary>Tells what was assumed where the table allows more than one reading: never a silent guess.</summary>
    public void Assume(SourceCell cell, string assumptionZh, string assumption) => Notes.Add(new ImportNote(File, cell.Row, cell.Column, ImportRules.Assumed, assumptionZh, assumption));

    /// <summary>The text without the spaces of its line wraps (<see cref="LineWraps"/>); a join the text alone decides is told.</summary>
    public string Unwrap(SourceCell cell, string text, int columnWidth)
    {
        var (joined, ambiguous) = LineWraps.Join(text, columnWidth);
        if (ambiguous)
        {
            Assume(cell, $"把“{text}”当作窄单元格中折行的一行文字连接起来；如果原表印有这个空格，请补回", $"joined “{text}” as one line wrapped in a narrow cell; if the form prints the space, put it back");
        }

        return joined;
    }

    /// <summary>The name column a header cell of the layout's indicator table heads, or null.</summary>
    public string? LevelOf(string normalised) => Settings.LevelOf(Layout.Id, normalised);

    public bool IsPrintedLabel(string normalised) => Settings.PrintedLabels.TryGetValue(Layout.Id, out var labels) && labels.Contains(normalised);
}
