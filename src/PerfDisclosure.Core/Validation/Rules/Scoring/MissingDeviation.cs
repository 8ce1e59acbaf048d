using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Core.Validation.Rules.Scoring;

/// <summary>得分 below 分值 with no 偏差原因分析及改进措施.</summary>
public sealed class MissingDeviation : Rule
{
    public override string Code => "PD0407";

    public override Severity Severity => Severity.Warning;

    public override string Title => "得分低于分值但未说明偏差原因";

    public override string TitleEn => "A score below its weight without a deviation analysis";

    public override string? CitizenNote => "有指标得分低于分值，但未说明偏差原因。";

    public override RuleExample Example => new(
        "shanghai-self-evaluation",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 人才活动, target: \"≥4.00(场)\", actual: \"6.00(场)\", weight: 90.00, score: 88.00}\ntotal_score: 98.00\n",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 人才活动, target: \"≥4.00(场)\", actual: \"6.00(场)\", weight: 90.00, score: 88.00, deviation: 部分活动延期至次年举办}\ntotal_score: 98.00\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        foreach (var (_, weight, score) in form.ScoredRows.Where(r => r.Score.Number < r.Weight.Number && string.IsNullOrWhiteSpace(form.Cell(r.Row, ColumnRole.Deviation)?.Text)))
        {
            yield return Report(score.Where, $"得分 {Figures.Show(score.Number)} 低于分值 {Figures.Show(weight.Number)}，但未填写偏差原因分析及改进措施", $"Score {Figures.Show(score.Number)} is below the weight {Figures.Show(weight.Number)} but no deviation analysis is given", new("在 deviation 中写明偏差原因和改进措施", "add deviation: the reasons and remedies"));
        }
    }
}
