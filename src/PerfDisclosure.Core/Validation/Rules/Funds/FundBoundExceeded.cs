using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Funds;

/// <summary>An amount above the amount that contains it (本年度项目金额 &gt; 项目总金额), per the layout's <c>checks.bounds</c>.</summary>
public sealed class FundBoundExceeded : Rule
{
    public override string Code => "PD0302";

    public override Severity Severity => Severity.Warning;

    public override string Title => "年度金额超过项目总金额";

    public override string TitleEn => "A year's amount exceeds the project's total amount";

    public override string? CitizenNote => "本年度金额超过了项目总金额。";

    public override RuleExample Example => new(
        "shenzhen-target",
        "medium_term_total: 10.00\ncurrent_year_amount: 12.40\n",
        "medium_term_total: 48.45\ncurrent_year_amount: 12.40\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        foreach (var bound in form.Layout.Bounds)
        {
            if (form.Value(bound.Part) is { } partValue && form.Number(bound.Part) is { } part && form.Number(bound.Whole) is { } whole && part > whole)
            {
                var partLabel = form.Layout.FieldAt(bound.Part)?.Label ?? bound.Part;
                var wholeLabel = form.Layout.FieldAt(bound.Whole)?.Label ?? bound.Whole;
                yield return Report(partValue.Where, $"{partLabel} {Figures.Show(part)} 超过 {wholeLabel} {Figures.Show(whole)}", $"{bound.Part} {Figures.Show(part)} exceeds {bound.Whole} {Figures.Show(whole)}");
            }
        }
    }
}
