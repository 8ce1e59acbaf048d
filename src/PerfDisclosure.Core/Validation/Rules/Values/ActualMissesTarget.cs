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
                // The advice depends on the row: a deviation already written needs only the values checked.
                var explained = !string.IsNullOrWhiteSpace(form.Cell(row, ColumnRole.Deviation)?.Text);
                var (zh, en) = explained
                    ? ("：本行已写明偏差原因，核对两个值无误即可", ": the row explains the deviation; check that both values are right")
                    : ("：请在偏差原因栏说明未达到的原因，或改正填错的值", ": explain why in the row's deviation column, or correct a mistyped value");
                yield return Report(targetValue.Where, $"实际完成值“{actualValue.Published}”未达到指标值“{targetValue.Published}”{zh}", $"Actual value '{actualValue.Published}' misses the target '{targetValue.Published}'{en}", explained ? new("核对指标值和实际完成值", "check the target and actual values") : new("在 deviation 中说明偏差原因，或改正数值", "explain the deviation (deviation) or correct the value"));
            }
        }
    }

    private static bool SameUnit(string a, string b) => string.Equals(Unit(a), Unit(b), StringComparison.Ordinal);

    private static string Unit(string unit) => unit is "百分比" ? "%" : unit;
}
