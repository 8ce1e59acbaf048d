using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Validation.Rules.Values;

/// <summary>A value that starts like a quantity (≥, >= …) but has no number the grammar can read.</summary>
public sealed class UnreadableQuantity : Rule
{
    public override string Code => "PD0202";

    public override Severity Severity => Severity.Warning;

    public override string Title => "定量指标值无法解析（有比较符号但没有可读的数字）";

    public override string TitleEn => "A quantitative value does not parse (a comparator without a readable number)";

    public override RuleExample Example => new(
        "shenzhen-target",
        "indicators:\n  - {level1: 产出指标, level2: 质量指标, level3: 验收合格率, target: \"≥百分之九十\", explanation: 考察验收情况}\n",
        "indicators:\n  - {level1: 产出指标, level2: 质量指标, level3: 验收合格率, target: \"≥90%\", explanation: 考察验收情况}\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        foreach (var value in NonStandardValue.MeasuredValues(form.Form).Where(v => v.Parsed is Malformed))
        {
            yield return Report(value.Where, $"“{value.Published}”有比较符号，但读不出数字", $"'{value.Published}' has a comparator but no number that can be read", new("写成比较符号 + 数字 + 单位，如 ≥90%", "write comparator + number + unit, e.g. ≥90%"));
        }
    }
}
