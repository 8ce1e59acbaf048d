using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Scoring;

/// <summary>执行率 ≠ 全年执行数 / 全年预算数, rounded as the scoring rules say.</summary>
public sealed class ExecutionRateMismatch : Rule
{
    public override string Code => "PD0401";

    public override Severity Severity => Severity.Warning;

    public override string Title => "执行率不等于全年执行数 / 全年预算数";

    public override string TitleEn => "Execution rate differs from full-year execution / full-year budget";

    public override string? CitizenNote => "表中的预算执行率与执行数、预算数算出的结果不符。";

    public override RuleExample Example => new(
        "shanghai-self-evaluation",
        "funds:\n  total: {initial_budget: 110.00, full_year_budget: 110.00, execution: 102.60, weight: 10.00, execution_rate: 95.00, score: 9.50}\n  current_year_appropriation: {initial_budget: 110.00, full_year_budget: 110.00, execution: 102.60, execution_rate: 93.27}\ntotal_score: 99.50\n",
        "funds:\n  total: {initial_budget: 110.00, full_year_budget: 110.00, execution: 102.60, weight: 10.00, execution_rate: 93.27, score: 9.33}\n  current_year_appropriation: {initial_budget: 110.00, full_year_budget: 110.00, execution: 102.60, execution_rate: 93.27}\ntotal_score: 99.33\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (form.Scoring is not { } scoring || form.Layout.Execution is not { } columns)
        {
            yield break;
        }

        foreach (var row in columns.RowsIn(form.Form))
        {
            if (form.Number($"{row}.{columns.Budget}") is not { } budget || form.Number($"{row}.{columns.Spent}") is not { } spent
                || form.Value($"{row}.{columns.Rate}") is not { } rateValue || form.Number($"{row}.{columns.Rate}") is not { } rate)
            {
                continue;
            }

            var expected = budget == 0 ? 0m : scoring.Rounding.Apply(spent / budget * 100m);
            if (rate != expected)
            {
                yield return Report(rateValue.Where, $"执行率 {Figures.Show(rate)}% 不等于 {Figures.Show(spent)} / {Figures.Show(budget)} = {Figures.Show(expected)}%", $"Execution rate {Figures.Show(rate)}% is not {Figures.Show(spent)} / {Figures.Show(budget)} = {Figures.Show(expected)}%", Suggestions.Write($"{row}.{columns.Rate}: {Figures.Show(expected)}"));
            }
        }
    }
}
