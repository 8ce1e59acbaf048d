using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Validation.Rules.Tables;

/// <summary>
/// A table cell that is not the product of the cells the layout says it multiplies (金额 = 单价 × 数量,
/// <c>product_of</c>); rows where a factor is missing or a placeholder, and the total row, are left out.
/// </summary>
public sealed class TableProductMismatch : Rule
{
    public override string Code => "PD0105";

    public override Severity Severity => Severity.Warning;

    public override string Title => "表格中的金额不等于单价乘以数量";

    public override string TitleEn => "A table cell differs from the product of its factors (amount = price × quantity)";

    public override string? CitizenNote => "测算明细中的金额与单价乘以数量不符。";

    public override RuleExample Example => new(
        "province-a-target",
        "cost_detail:\n  - {item: 设备购置, price: 3.00, quantity: 4, amount: 10.00}\n",
        "cost_detail:\n  - {item: 设备购置, price: 3.00, quantity: 4, amount: 12.00}\n",
        ExampleKind.Other);

    public override IEnumerable<Diagnostic> Check(FormContext form)
    {
        foreach (var (table, rows) in TableRows.Of(form))
        {
            foreach (var column in table.Children.Where(c => c.ProductOf.Count > 0))
            {
                foreach (var row in rows.Where(r => !TableRows.IsTotal(table, r)))
                {
                    var factors = column.ProductOf.Select(k => TableRows.Number(row, k)).ToList();
                    if (TableRows.Number(row, column.Key) is not { } printed || factors.Any(f => f is null))
                    {
                        continue;
                    }

                    var product = factors.Aggregate(1m, (p, f) => p * f!.Value);
                    if (product != printed)
                    {
                        var labels = string.Join(" × ", column.ProductOf.Select(k => table.Child(k)?.Label ?? k));
                        yield return Report(row.Fields[column.Key]!.Where, $"{table.Label}中“{column.Label}” {Figures.Show(printed)} 不等于 {labels} = {Figures.Show(product)}", $"{table.Key}: {column.Key} (“{column.Label}”) {Figures.Show(printed)} is not {string.Join(" × ", column.ProductOf)} = {Figures.Show(product)}");
                    }
                }
            }
        }
    }
}
