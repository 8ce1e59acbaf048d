using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Frameworks;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Scoring;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Validation;

/// <summary>What a rule sees of one form: the form, its layout, and the framework and scoring rules the layout declares.</summary>
/// <param name="Framework">null when the layout's framework is not defined (reported once as PD0011).</param>
/// <param name="Scoring">The scoring rules resolved for the form's owner, or null for target forms.</param>
public sealed record FormContext(Form Form, LayoutDefinition Layout, IndicatorFramework? Framework, ScoringRules? Scoring)
{
    public decimal? Number(string path) => Form.Fields.NumberAt(path);

    public FieldValue? Value(string path) => Form.Fields.At(path);

    /// <summary>The value of the field the layout gives <paramref name="role"/>; null when it has none or the form leaves it out.</summary>
    public FieldValue? Value(FieldRole role) => Layout.ValueOf(Form, role);

    /// <summary>The cell of the column the layout gives <paramref name="role"/>.</summary>
    public FieldValue? Cell(IndicatorRow row, ColumnRole role) => Layout.CellOf(row, role);

    /// <summary>
    /// The target or actual of a row as a value, read together with the layout's separate 指标性质 (comparator, for a
    /// target) and 度量单位 (unit) columns when it has them: 指标性质 "≧", 指标值 "100", 度量单位 "%" is the target ≥100%.
    /// What the cell writes itself wins over its columns. Null when the row has no such cell.
    /// </summary>
    public (MeasuredValue Cell, ParsedValue Value)? Measure(IndicatorRow row, ColumnRole role)
    {
        if (Cell(row, role) is not MeasuredValue cell)
        {
            return null;
        }

        if (cell.Parsed is not Quantity quantity)
        {
            return (cell, cell.Parsed);
        }

        var comparator = quantity.Comparator;
        if (comparator == Comparator.None && role == ColumnRole.Target && Cell(row, ColumnRole.Comparator)?.Text is { Length: > 0 } written
            && ValueGrammar.Parse(written.Trim() + "0") is Quantity { Comparator: var declared })
        {
            comparator = declared;
        }

        var unit = quantity.Unit.Length == 0 && Cell(row, ColumnRole.Unit)?.Text is { Length: > 0 } printed ? printed.Trim() : quantity.Unit;
        return (cell, quantity with { Comparator = comparator, Unit = unit });
    }

    /// <summary>The indicator rows of a scored (self-evaluation) form that print both 分值 and 得分.</summary>
    public IEnumerable<(IndicatorRow Row, NumberValue Weight, NumberValue Score)> ScoredRows =>
        Scoring is null
            ? []
            : Form.Indicators.Select(r => (Row: r, Weight: Cell(r, ColumnRole.Weight), Score: Cell(r, ColumnRole.Score)))
                .Where(r => r.Weight is NumberValue && r.Score is NumberValue)
                .Select(r => (r.Row, (NumberValue)r.Weight!, (NumberValue)r.Score!));
}

/// <summary>What a rule sees across files: every form with its context, the known organisations, and the folders the site itself uses.</summary>
public sealed record CorpusContext(IReadOnlyList<FormContext> Forms, IReadOnlyDictionary<string, Organisation> Organisations, IReadOnlyList<string>? Reserved = null)
{
    public IReadOnlyList<string> ReservedFolders => Reserved ?? [];
}
