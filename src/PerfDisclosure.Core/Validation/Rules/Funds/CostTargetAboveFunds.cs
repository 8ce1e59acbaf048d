using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Validation.Rules.Funds;

/// <summary>
/// A money target (成本指标 in 元 / 万元 / 亿元) above the form's own funds once both are in yuan: the sign of amounts
/// written in different units within one form (a figure in 元 labelled 万元, or the reverse).
/// </summary>
public sealed class CostTargetAboveFunds : Rule
{
    private static readonly Dictionary<string, decimal> YuanPer = new(StringComparer.Ordinal)
    {
        ["元"] = 1m,
        ["万元"] = 10_000m,
        ["亿元"] = 100_000_000m,
    };

    public override string Code => "PD0304";

    public override Severity Severity => Severity.Warning;

    public override string Title => "金额单位不一致：成本指标超过本表的项目资金";

    public override string TitleEn => "Inconsistent money units: a cost target exceeds the form's own funds";

    public override string? CitizenNote => "表中成本指标的金额超过了项目资金，金额单位可能不一致。";

    public override RuleExample Example => new(
        "shanghai-target-2026",
        "indicators:\n  - {level1: 成本指标, level2: 经济成本指标, level3: 项目预算控制数, target: \"≤56000.00(万元)\"}\n",
        "indicators:\n  - {level1: 成本指标, level2: 经济成本指标, level3: 项目预算控制数, target: \"≤5.60(万元)\"}\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        if (form.Layout.Amount.Length == 0 || form.Number(form.Layout.Amount) is not { } amount || amount <= 0)
        {
            yield break;
        }

        var fundsInYuan = amount * form.Layout.YuanPerUnit;
        foreach (var (value, parsed) in form.Form.Indicators.Select(r => form.Measure(r, ColumnRole.Target)).OfType<(MeasuredValue, ParsedValue)>())
        {
            if (parsed is Quantity { Comparator: not (Comparator.Greater or Comparator.GreaterOrEqual) } target
                && YuanPer.TryGetValue(target.Unit, out var factor) && target.Number * factor > fundsInYuan)
            {
                var label = form.Layout.FieldAt(form.Layout.Amount)?.Label ?? form.Layout.Amount;
                yield return Report(value.Where, $"成本指标“{value.Published}”= {Figures.Show(target.Number * factor)} 元，超过本表{label} {Figures.Show(fundsInYuan)} 元：金额单位是否一致？", $"Cost target '{value.Published}' = {Figures.Show(target.Number * factor)} yuan exceeds the form's {form.Layout.Amount} of {Figures.Show(fundsInYuan)} yuan: are the units consistent?", new("指标值的单位要与其数字一致（元、万元）", "write the target in the unit its figure is in"));
            }
        }
    }
}
