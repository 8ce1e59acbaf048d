using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Core.Validation.Rules.Scoring;

/// <summary>The 分值 of the execution row and of every indicator do not add up to the total the scoring rules set (100).</summary>
public sealed class WeightsDoNotAddUp : Rule
{
    public override string Code => "PD0404";

    public override Severity Severity => Severity.Warning;

    public override string Title => "各项分值合计不等于总分值（100）";

    public override string TitleEn => "The weights do not add up to the total weight (100)";

    public override string? CitizenNote => "各项分值相加不等于满分 100 分。";

    public override RuleExample Example => new(
        "shanghai-self-evaluation",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 人才活动, target: \"≥4.00(场)\", actual: \"6.00(场)\", weight: 80.00, score: 80.00}\ntotal_score: 90.00\n",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 人才活动, target: \"≥4.00(场)\", actual: \"6.00(场)\", weight: 90.00, score: 90.00}\ntotal_score: 100.00\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (form.Scoring is not { } scoring)
        {
            yield break;
        }

        var execution = form.Layout.NumberOf(form.Form, FieldRole.ExecutionWeight) ?? 0m;
        var added = execution + form.Form.Indicators.Sum(r => form.Cell(r, ColumnRole.Weight) is NumberValue w ? w.Number : 0m);
        var printed = form.Value(FieldRole.TotalWeight);
        var where = printed?.Where ?? form.Form.Where;
        if (added != scoring.TotalWeight)
        {
            yield return Report(where, $"各项分值合计 {Figures.Show(added)}，不等于 {Figures.Show(scoring.TotalWeight)}", $"The weights add up to {Figures.Show(added)}, not {Figures.Show(scoring.TotalWeight)}");
        }
        else if (printed is NumberValue total && total.Number != added)
        {
            yield return Report(where, $"总分值印为 {Figures.Show(total.Number)}，各项分值合计 {Figures.Show(added)}", $"The total weight is printed as {Figures.Show(total.Number)} but the weights add up to {Figures.Show(added)}", Suggestions.Write($"{form.Layout.PathOf(FieldRole.TotalWeight)}: {Figures.Show(added)}"));
        }
    }
}
