using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Core.Validation.Rules.Scoring;

/// <summary>评分等级 that does not follow 总分 under the scoring rules' thresholds (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below).</summary>
public sealed class GradeMismatch : Rule
{
    public override string Code => "PD0406";

    public override Severity Severity => Severity.Warning;

    public override string Title => "评分等级与总分不符";

    public override string TitleEn => "The grade does not follow the total score";

    public override string? CitizenNote => "评分等级与总分不符。";

    public override RuleExample Example => new(
        "shanghai-self-evaluation",
        "grade: 良\n",
        "grade: 优\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (form.Scoring is not { } scoring || form.Value(FieldRole.TotalScore) is not NumberValue { Number: var total } || form.Value(FieldRole.Grade) is not TextValue grade)
        {
            yield break;
        }

        if (scoring.GradeFor(total) is { } expected && expected != grade.Value)
        {
            var thresholdsZh = string.Join("，", scoring.Grades.Select(g => $"{g.Grade} ≥ {Figures.Show(g.Min)}"));
            yield return Report(grade.Where, $"总分 {Figures.Show(total)} 应评为“{expected}”，表中为“{grade.Value}”（{thresholdsZh}）", $"A total score of {Figures.Show(total)} earns '{expected}', not '{grade.Value}' ({string.Join(", ", scoring.Grades.Select(g => $"{g.Grade} ≥ {Figures.Show(g.Min)}"))})", Suggestions.Write($"{form.Layout.PathOf(FieldRole.Grade)}: {expected}"));
        }
    }
}
