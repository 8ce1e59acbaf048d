using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Validation.Rules.Values;

/// <summary>A value written with a variant spelling (>=, 》=, ≧, full-width digits, 不低于, 零 …); suggests the standard one.</summary>
public sealed class NonStandardValue : Rule
{
    public override string Code => "PD0201";

    public override Severity Severity => Severity.Warning;

    public override string Title => "指标值的写法不规范（给出规范写法）";

    public override string TitleEn => "A target or actual value uses a non-standard spelling (with the standard one)";

    public override RuleExample Example => new(
        "shenzhen-target",
        "indicators:\n  - {level1: 产出指标, level2: 质量指标, level3: 验收合格率, target: \"》=90%\", explanation: 考察验收情况}\n",
        "indicators:\n  - {level1: 产出指标, level2: 质量指标, level3: 验收合格率, target: \"≥90%\", explanation: 考察验收情况}\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        foreach (var value in MeasuredValues(form.Form))
        {
            var published = value.Published.Trim();
            if (value.Parsed is Quantity or DateTarget or NumberRange or Period && value.Parsed.Normalised != published)
            {
                yield return Report(value.Where, $"“{published}”写法不规范，应写作“{value.Parsed.Normalised}”", $"'{published}' is a non-standard spelling; write '{value.Parsed.Normalised}'", new($"改写为“{value.Parsed.Normalised}”", $"write \"{value.Parsed.Normalised}\""));
            }
        }
    }

    internal static IEnumerable<MeasuredValue> MeasuredValues(Form form)
    {
        foreach (var row in form.Indicators)
        {
            foreach (var key in row.Cells.Keys)
            {
                if (row.Cells[key] is MeasuredValue value)
                {
                    yield return value;
                }
            }
        }
    }
}
