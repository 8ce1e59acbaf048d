using PerfDisclosure.Build.Site;
using Scriban.Runtime;

namespace PerfDisclosure.Build.Rendering.Charts;

/// <summary>
/// The summaries citizens read before the forms: where an organisation's money goes, how its self-evaluations
/// scored, and how a recurring project did over the years. Each is a chart (see the <c>chart</c> partial):
/// an SVG, its title, and the same numbers as table rows.
/// </summary>
public static class Summaries
{
    /// <summary>评分等级 in the order the forms rank them.</summary>
    private static readonly string[] Grades = ["优", "良", "中", "差"];

    /// <summary>The amount of each project of one organisation and year, one chart per kind of form.</summary>
    public static List<ScriptObject> Spending(IReadOnlyList<FormEntry> forms) =>
        [.. forms.Where(f => f.AmountInYuan is not null).GroupBy(f => f.IsSelfEvaluation).OrderBy(g => g.Key).Select(g => Chart(
            g.Key ? "spending-self-evaluation" : "spending-target",
            g.Key ? "自评项目全年预算数（万元）" : "申报项目年度资金（万元）",
            "项目名称",
            "金额（万元）",
            [.. g.OrderByDescending(f => f.AmountInYuan).ThenBy(f => f.Form.ProjectName, StringComparer.Ordinal)
                .Select(f => new ChartBar(f.Form.ProjectName, f.AmountInYuan!.Value / 10000m, Html.TenThousandYuan(f.AmountInYuan)))]))];

    /// <summary>Self-evaluations only: how many forms fall in each 10-point score band, and each grade's count.</summary>
    public static List<ScriptObject> Scores(IReadOnlyList<FormEntry> forms)
    {
        var scores = forms.Where(f => f.IsSelfEvaluation).Select(f => f.Form.Fields.NumberAt("total_score")).OfType<decimal>().ToList();
        if (scores.Count == 0)
        {
            return [];
        }

        var bands = new (string Label, decimal Low, decimal High)[] { ("90–100分", 90, decimal.MaxValue), ("80–89.99分", 80, 90), ("70–79.99分", 70, 80), ("60–69.99分", 60, 70), ("60分以下", decimal.MinValue, 60) };
        var grades = forms.Where(f => f.IsSelfEvaluation).Select(f => f.Form.Fields.TextAt("grade")?.Trim()).OfType<string>().Where(g => g.Length > 0).ToList();
        var gradeOrder = Grades.Concat(grades.Where(g => !Grades.Contains(g)).Distinct().Order(StringComparer.Ordinal));
        return
        [
            Chart("score-bands", "自评总分分布（表数）", "总分", "表数", [.. bands.Select(b => Count(b.Label, scores.Count(s => s >= b.Low && s < b.High)))]),
            Chart("grade-counts", "评分等级（表数）", "评分等级", "表数", [.. gradeOrder.Select(g => Count(g, grades.Count(x => x == g)))]),
        ];
    }

    /// <summary>Projects of one organisation published in more than one year: amount and score per year.</summary>
    public static List<ScriptObject> Recurring(IReadOnlyList<FormEntry> forms) =>
        [.. forms.GroupBy(f => (f.Form.ProjectName, f.IsSelfEvaluation))
            .Where(g => g.Select(f => f.Form.Year).Distinct().Count() > 1)
            .OrderBy(g => g.Key.ProjectName, StringComparer.Ordinal).ThenBy(g => g.Key.IsSelfEvaluation)
            .Select((g, i) =>
            {
                var years = g.OrderBy(f => f.Form.Year).ThenBy(f => f.Form.Id, StringComparer.Ordinal).ToList();
                var kind = g.Key.IsSelfEvaluation ? "绩效自评" : "绩效目标";
                var chart = Chart($"recurring-{i + 1}", $"{g.Key.ProjectName}（{kind}）历年金额（万元）", "年度", "金额（万元）",
                    [.. years.Select(f => new ChartBar($"{f.Form.Year}年度", (f.AmountInYuan ?? 0m) / 10000m, Html.TenThousandYuan(f.AmountInYuan)))]);
                chart["scores"] = g.Key.IsSelfEvaluation;
                chart["forms"] = years.Select(f => new ScriptObject
                {
                    ["year"] = f.Form.Year,
                    ["path"] = f.Path,
                    ["amount"] = Html.TenThousandYuan(f.AmountInYuan),
                    ["total_score"] = f.Form.Fields.NumberAt("total_score") is { } s ? Html.FormatNumber(s, "0.00") : string.Empty,
                    ["grade"] = Html.Escape(f.Form.Fields.TextAt("grade") ?? string.Empty),
                }).ToList();
                return chart;
            })];

    private static ChartBar Count(string label, int count) => new(label, count, $"{count} 张");

    private static ScriptObject Chart(string id, string title, string labelHeader, string valueHeader, IReadOnlyList<ChartBar> bars) => new()
    {
        ["id"] = id,
        ["title"] = Html.Escape(title),
        ["svg"] = BarChart.Svg(id, title, bars),
        ["label_header"] = Html.Escape(labelHeader),
        ["value_header"] = Html.Escape(valueHeader),
        ["rows"] = bars.Select(b => new ScriptObject { ["label"] = Html.Escape(b.Label), ["value"] = Html.Escape(b.Display) }).ToList(),
    };
}
