using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Scoring;

/// <summary>The execution row's 得分 ≠ 分值 × 执行率, capped at 分值.</summary>
public sealed class ExecutionScoreMismatch : Rule
{
    public override string Code => "PD0402";

    public override Severity Severity => Severity.Warning;

    public override string Title => "预算执行率得分不等于分值 × 执行率（以分值为上限）";

    public override string TitleEn => "The execution score differs from weight × execution rate (capped at the weight)";

    public override string? CitizenNote => "预算执行率的得分与分值、执行率算出的结果不符。";

    public override RuleExample Example => new(
        "shanghai-self-evaluation",
        "funds:\n  total: {initial_budget: 110.00, full_year_budget: 110.00, execution: 102.60, weight: 10.00, execution_rate: 93.27, score: 10.00}\n  current_year_appropriation: {initial_budget: 110.00, full_year_budget: 110.00, execution: 102.60, execution_rate: 93.27}\ntotal_score: 100.00\n",
        "funds:\n  total: {initial_budget: 110.00, full_year_budget: 110.00, execution: 102.60, weight: 10.00, execution_rate: 93.27, score: 9.33}\n  current_year_appropriation: {initial_budget: 110.00, full_year_budget: 110.00, execution: 102.60, execution_rate: 93.27}\ntotal_score: 99.33\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (form.Scoring is not { } scoring || form.Layout.Execution is not { Weight: { } weightPath, Score: { } scorePath } columns)
        {
            yield break;
        }

        if (form.Number(weightPath) is not { } weight || form.Number($"{columns.ScoredRow}.{columns.Rate}") is not { } rate
            || form.Value(scorePath) is not { } scoreValue || form.Number(scorePath) is not { } score)
        {
            yield break;
        }

        var expected = Math.Min(weight, scoring.Rounding.Apply(weight * rate / 100m));
        if (score != expected)
        {
            yield return Report(scoreValue.Where, $"得分 {Figures.Show(score)} 不等于 分值 {Figures.Show(weight)} × 执行率 {Figures.Show(rate)}% = {Figures.Show(expected)}", $"Score {Figures.Show(score)} is not weight {Figures.Show(weight)} × rate {Figures.Show(rate)}% = {Figures.Show(expected)}", Suggestions.Write($"{scorePath}: {Figures.Show(expected)}"));
        }
    }
}
