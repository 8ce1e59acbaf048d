using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Core.Validation.Rules.Scoring;

/// <summary>总分 ≠ the execution row's 得分 plus every indicator's 得分.</summary>
public sealed class TotalScoreMismatch : Rule
{
    public override string Code => "PD0405";

    public override Severity Severity => Severity.Warning;

    public override string Title => "总分不等于各项得分之和";

    public override string TitleEn => "The total score differs from the sum of the scores";

    public override string? CitizenNote => "总分与各项得分之和不符。";

    public override RuleExample Example => new(
        "shanghai-self-evaluation",
        "total_score: 98.00\n",
        "total_score: 100.00\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (form.Scoring is not { } scoring || form.Value(FieldRole.TotalScore) is not NumberValue total)
        {
            yield break;
        }

        var added = (form.Layout.NumberOf(form.Form, FieldRole.ExecutionScore) ?? 0m) + form.Form.Indicators.Sum(r => form.Cell(r, ColumnRole.Score) is NumberValue s ? s.Number : 0m);
        if (added != total.Number)
        {
            yield return Report(total.Where, $"总分 {Figures.Show(total.Number)} 不等于各项得分之和 {Figures.Show(added)}", $"Total score {Figures.Show(total.Number)} is not the sum of the scores, {Figures.Show(added)}", Suggestions.Write($"{form.Layout.PathOf(FieldRole.TotalScore)}: {Figures.Show(added)}"));
        }
    }
}
