using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Core.Validation.Rules.Tables;

/// <summary>
/// A table's total row (合计, the layout's <c>total_row</c>) whose amount differs from the sum of the other rows'
/// in the same column (the fund-source rows of an execution block, the lines of a 测算明细); placeholders are left out.
/// </summary>
public sealed class TableTotalMismatch : Rule
{
    public override string Code => "PD0104";

    public override Severity Severity => Severity.Warning;

    public override string Title => "表格合计行与各行之和不符";

    public override string TitleEn => "A table's total row differs from the sum of its rows";

    public override string? CitizenNote => "表格的合计数与各行之和不符。";

    public override RuleExample Example => new(
        "province-a-target",
        "cost_detail:\n  - {item: 设备购置, amount: 12.00}\n  - {item: 运维服务, amount: 6.00}\n  - {item: 合计, amount: 20.00}\n",
        "cost_detail:\n  - {item: 设备购置, amount: 12.00}\n  - {item: 运维服务, amount: 6.00}\n  - {item: 合计, amount: 18.00}\n",
        ExampleKind.Other);

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        foreach (var (table, rows) in TableRows.Of(form))
        {
            if (rows.FirstOrDefault(r => TableRows.IsTotal(table, r)) is not { } total)
            {
                continue;
            }

            var parts = rows.Where(r => !ReferenceEquals(r, total)).ToList();
            foreach (var column in table.Children.Where(c => c.Type == FieldType.Amount))
            {
                var numbers = parts.Select(r => TableRows.Number(r, column.Key)).ToList();
                if (TableRows.Number(total, column.Key) is not { } printed || numbers.All(n => n is null))
                {
                    continue;
                }

                var added = numbers.Sum(n => n ?? 0m);
                if (added != printed)
                {
                    yield return Report(total.Fields[column.Key]!.Where, $"{table.Label}的{table.TotalRow!.Label}行“{column.Label}” {Figures.Show(printed)} 不等于其余各行之和 {Figures.Show(added)}（相差 {Figures.Show(printed - added)}）", $"The {table.TotalRow!.Label} row of {table.Key} has {column.Key} (“{column.Label}”) {Figures.Show(printed)}, but the other rows add up to {Figures.Show(added)} (difference {Figures.Show(printed - added)})");
                }
            }
        }
    }
}
