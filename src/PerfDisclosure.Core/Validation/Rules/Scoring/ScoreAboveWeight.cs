using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Scoring;

/// <summary>An indicator's 得分 above its 分值.</summary>
public sealed class ScoreAboveWeight : Rule
{
    public override string Code => "PD0403";

    public override Severity Severity => Severity.Warning;

    public override string Title => "得分高于分值";

    public override string TitleEn => "A score exceeds its weight";

    public override string? CitizenNote => "有指标的得分高于该项分值。";

    public override RuleExample Example => new(
        "shanghai-self-evaluation",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 人才活动, target: \"≥4.00(场)\", actual: \"6.00(场)\", weight: 90.00, score: 95.00}\ntotal_score: 105.00\n",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 人才活动, target: \"≥4.00(场)\", actual: \"6.00(场)\", weight: 90.00, score: 90.00}\ntotal_score: 100.00\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        foreach (var (_, weight, score) in form.ScoredRows.Where(r => r.Score.Number > r.Weight.Number))
        {
            yield return Report(score.Where, $"得分 {Figures.Show(score.Number)} 高于分值 {Figures.Show(weight.Number)}", $"Score {Figures.Show(score.Number)} exceeds the weight {Figures.Show(weight.Number)}");
        }
    }
}
