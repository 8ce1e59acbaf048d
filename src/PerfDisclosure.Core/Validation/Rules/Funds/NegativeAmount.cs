using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Core.Validation.Rules.Funds;

/// <summary>An amount of money below zero: never valid on these forms.</summary>
public sealed class NegativeAmount : Rule
{
    public override string Code => "PD0303";

    public override Severity Severity => Severity.Error;

    public override string Title => "金额为负数";

    public override string TitleEn => "An amount is negative";

    public override RuleExample Example => new(
        "shenzhen-target",
        "current_year_amount: -12.40\n",
        "current_year_amount: 12.40\n");

    public override IEnumerable<Diagnostic> Check(FormContext form) => Negative(form.Form.Fields, form.Layout.Fields, string.Empty);

    private IEnumerable<Diagnostic> Negative(FieldSet values, IReadOnlyList<FieldDefinition> definitions, string prefix)
    {
        foreach (var definition in definitions)
        {
            switch (values[definition.Key])
            {
                case GroupValue group:
                    foreach (var inner in Negative(group.Fields, definition.Children, prefix + definition.Key + "."))
                    {
                        yield return inner;
                    }

                    break;
                case TableValue table:
                    foreach (var (row, i) in table.Rows.Select((r, i) => (r, i)))
                    {
                        foreach (var inner in Negative(row.Fields, definition.Children, $"{prefix}{definition.Key}[{i}]."))
                        {
                            yield return inner;
                        }
                    }

                    break;
                case NumberValue { Number: < 0 } number when definition.Type == FieldType.Amount:
                    yield return Report(number.Where, $"{definition.Label}（{prefix}{definition.Key}）为负数 {Figures.Show(number.Number)}", $"{prefix}{definition.Key} is negative: {Figures.Show(number.Number)}");
                    break;
            }
        }
    }
}
