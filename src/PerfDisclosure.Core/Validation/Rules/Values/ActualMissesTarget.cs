using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Validation.Rules.Values;

/// <summary>实际完成值 that does not meet its 指标值; reported at the target.</summary>
public sealed class ActualMissesTarget : Rule
{
    public override string Code => "PD0203";

    public override Severity Severity => Severity.Warning;

    public override string Title => "实际完成值未达到指标值";

    public override string TitleEn => "The actual value misses its target";

    public override string? CitizenNote => "有指标的实际完成值未达到年初设定的目标。";

    public override RuleExample Example => new(
        "shanghai-self-evaluation",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 人才活动, target: \"≥4.00(场)\", actual: \"3.00(场)\", weight: 90.00, score: 90.00}\n",
        "indicators:\n  - {level1: 产出指标, level2: 数量指标, level3: 人才活动, target: \"≥4.00(场)\", actual: \"4.00(场)\", weight: 90.00, score: 90.00}\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        foreach (var row in form.Form.Indicators)
        {
            if (form.Measure(row, ColumnRole.Target) is (var targetValue, Quantity target)
                && form.Measure(row, ColumnRole.Actual) is (var actualValue, Quantity actual)
                && SameUnit(target.Unit, actual.Unit)
                && actual.Comparator == Comparator.None
                && !target.Comparator.IsMetBy(target.Number, actual.Number))
            {
                yield return Report(targetValue.Where, $"实际完成值“{actualValue.Published}”未达到指标值“{targetValue.Published}”", $"Actual value '{actualValue.Published}' misses the target '{targetValue.Published}'", "explain the deviation (deviation) or correct the value");
            }
        }
    }

    private static bool SameUnit(string a, string b) => string.Equals(Unit(a), Unit(b), StringComparison.Ordinal);

    private static string Unit(string unit) => unit is "百分比" ? "%" : unit;
}
