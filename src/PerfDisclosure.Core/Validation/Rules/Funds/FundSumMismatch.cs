using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Funds;

/// <summary>A fund total that differs from the sum of its parts (资金总额 = 财政资金 + 其他资金 …), per the layout's <c>checks.sums</c>.</summary>
public sealed class FundSumMismatch : Rule
{
    public override string Code => "PD0301";

    public override Severity Severity => Severity.Warning;

    public override string Title => "资金总额与分项之和不符";

    public override string TitleEn => "A fund total differs from the sum of its parts";

    public override string? CitizenNote => "资金总额与分项之和不符。";

    public override RuleExample Example => new(
        "shanghai-target-2026",
        "funds:\n  total: 100000.00\n  fiscal: 60000.00\n  other: 30000.00\n",
        "funds:\n  total: 100000.00\n  fiscal: 70000.00\n  other: 30000.00\n");

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        foreach (var sum in form.Layout.Sums)
        {
            var parts = sum.Parts.Select(form.Number).ToList();
            if (form.Value(sum.Total) is not { } totalValue || form.Number(sum.Total) is not { } total || parts.All(p => p is null))
            {
                continue;
            }

            var added = parts.Sum(p => p ?? 0m);
            if (added != total)
            {
                var labels = string.Join(" + ", sum.Parts.Select(p => form.Layout.FieldAt(p)?.Label ?? p));
                var label = form.Layout.FieldAt(sum.Total)?.Label ?? sum.Total;
                yield return Report(totalValue.Where, $"{label} {Figures.Show(total)} 不等于 {labels} = {Figures.Show(added)}（相差 {Figures.Show(total - added)}）", $"{sum.Total} {Figures.Show(total)} is not {string.Join(" + ", sum.Parts)} = {Figures.Show(added)} (difference {Figures.Show(total - added)})");
            }
        }
    }
}
