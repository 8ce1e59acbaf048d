using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering.Charts;

/// <summary>
/// The summaries citizens read before the forms: where an organisation's money goes, how its self-evaluations
/// scored, and how a recurring project did over the years. Each is a chart (see the <c>chart</c> partial):
/// an SVG, its title, and the same numbers as table rows.
/// </summary>
public static class Summaries
{
    /// <summary>The amount of each project of one organisation and year, one chart per kind of form.</summary>
    public static List<ScriptObject> Spending(ThemeStrings strings, IReadOnlyList<FormEntry> forms) =>
        [.. forms.Where(f => f.AmountInYuan is not null).GroupBy(f => f.IsSelfEvaluation).OrderBy(g => g.Key).Select(g => Chart(
            strings,
            g.Key ? "spending-self-evaluation" : "spending-target",
            strings[g.Key ? "charts.spending_self_evaluation" : "charts.spending_target"],
            strings["charts.project"],
            strings["charts.amount"],
            [.. g.OrderByDescending(f => f.AmountInYuan).ThenBy(f => f.Form.ProjectName, StringComparer.Ordinal)
                .Select(f => new ChartBar(f.Form.ProjectName, f.AmountInYuan!.Value / 10000m, Html.TenThousandYuan(f.AmountInYuan)))]))];

    /// <summary>Self-evaluations only: how many forms fall in each 10-point score band, and each grade's count.</summary>
    public static List<ScriptObject> Scores(ThemeStrings strings, IReadOnlyList<FormEntry> forms)
    {
        var scores = forms.Where(f => f.IsSelfEvaluation).Select(f => f.TotalScore).OfType<decimal>().ToList();
        if (scores.Count == 0)
        {
            return [];
        }

        string Band(string low, string high) => strings.Format("charts.band", ("low", low), ("high", high));
        var bands = new (string Label, decimal Low, decimal High)[]
        {
            (Band("90", "100"), 90, decimal.MaxValue), (Band("80", "89.99"), 80, 90), (Band("70", "79.99"), 70, 80), (Band("60", "69.99"), 60, 70),
            (strings.Format("charts.band_below", ("high", "60")), decimal.MinValue, 60),
        };
        var grades = forms.Where(f => f.IsSelfEvaluation).Select(f => f.Grade?.Trim()).OfType<string>().Where(g => g.Length > 0).ToList();
        var ranked = FormEntry.GradeOrder(forms);
        var gradeOrder = ranked.Concat(grades.Where(g => !ranked.Contains(g)).Distinct().Order(StringComparer.Ordinal));
        return
        [
            Chart(strings, "score-bands", strings["charts.score_bands"], strings["charts.score"], strings["charts.forms"], [.. bands.Select(b => Count(strings, b.Label, scores.Count(s => s >= b.Low && s < b.High)))]),
            Chart(strings, "grade-counts", strings["charts.grades"], strings["charts.grade"], strings["charts.forms"], [.. gradeOrder.Select(g => Count(strings, g, grades.Count(x => x == g)))]),
        ];
    }

    /// <summary>Projects of one organisation published in more than one year: amount and score per year.</summary>
    public static List<ScriptObject> Recurring(ThemeStrings strings, IReadOnlyList<FormEntry> forms) =>
        [.. forms.GroupBy(f => (f.Form.ProjectName, f.IsSelfEvaluation))
            .Where(g => g.Select(f => f.Form.Year).Distinct().Count() > 1)
            .OrderBy(g => g.Key.ProjectName, StringComparer.Ordinal).ThenBy(g => g.Key.IsSelfEvaluation)
            .Select((g, i) =>
            {
                var years = g.OrderBy(f => f.Form.Year).ThenBy(f => f.Form.Id, StringComparer.Ordinal).ToList();
                var title = strings.Format("charts.recurring", ("project", g.Key.ProjectName), ("kind", strings.Kind(g.Key.IsSelfEvaluation)));
                var chart = Chart(strings, $"recurring-{i + 1}", title, strings["charts.year"], strings["charts.amount"],
                    [.. years.Select(f => new ChartBar(strings.Format("year", ("year", f.Form.Year)), (f.AmountInYuan ?? 0m) / 10000m, Html.TenThousandYuan(f.AmountInYuan)))]);
                chart["scores"] = g.Key.IsSelfEvaluation;
                chart["forms"] = years.Select(f => new ScriptObject
                {
                    ["year"] = f.Form.Year,
                    ["path"] = f.Path,
                    ["amount"] = Html.TenThousandYuan(f.AmountInYuan),
                    [FormView.TotalScoreName] = f.TotalScore is { } s ? Html.FormatNumber(s, "0.00") : string.Empty,
                    [FormView.GradeName] = Html.Escape(f.Grade ?? string.Empty),
                }).ToList();
                return chart;
            })];

    private static ChartBar Count(ThemeStrings strings, string label, int count) => new(label, count, strings.Format("charts.form_count", ("count", count)));

    private static ScriptObject Chart(ThemeStrings strings, string id, string title, string labelHeader, string valueHeader, IReadOnlyList<ChartBar> bars) => new()
    {
        ["id"] = id,
        ["title"] = Html.Escape(title),
        ["svg"] = BarChart.Svg(id, title, BarChart.Description(strings, bars), bars),
        ["label_header"] = Html.Escape(labelHeader),
        ["value_header"] = Html.Escape(valueHeader),
        ["rows"] = bars.Select(b => new ScriptObject { ["label"] = Html.Escape(b.Label), ["value"] = Html.Escape(b.Display) }).ToList(),
    };
}
