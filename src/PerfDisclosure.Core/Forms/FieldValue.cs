using PerfDisclosure.Core.Diagnostics;
using PerfDisclosure.Core.Values;

namespace PerfDisclosure.Core.Forms;

/// <summary>A value read from content, typed by its layout field, remembering where it was written.</summary>
public abstract record FieldValue(SourceSpan Where)
{
    /// <summary>The value as the official form prints it, before layout formatting.</summary>
    public abstract string Text { get; }
}

public sealed record TextValue(string Value, SourceSpan Where) : FieldValue(Where)
{
    public override string Text => Value;
}

/// <summary>Markdown source of a long text.</summary>
public sealed record MarkdownValue(string Source, SourceSpan Where) : FieldValue(Where)
{
    public override string Text => Source;
}

/// <summary>A number (amount, weight, score, rate) with the digits as written, so formatting keeps its scale.</summary>
public sealed record NumberValue(decimal Number, SourceSpan Where) : FieldValue(Where)
{
    public override string Text => Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// What an official form prints in a number or amount cell that holds no number ("—", "/", "-", blank), as the
/// layout declares for the field (<c>placeholders:</c>): shown as printed, left out of every sum and check, null in open data.
/// </summary>
public sealed record PlaceholderValue(string Printed, SourceSpan Where) : FieldValue(Where)
{
    public override string Text => Printed;
}

public sealed record DateValue(DateOnly Date, SourceSpan Where) : FieldValue(Where)
{
    public override string Text => Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A reference to an organisation; <paramref name="Printed"/> is the name as this form prints it, when it differs.</summary>
public sealed record OrganisationValue(string Id, string? Printed, SourceSpan Where) : FieldValue(Where)
{
    public override string Text => Printed ?? Id;
}

/// <summary>指标值 / 实际完成值: the published text and what the value grammar made of it.</summary>
public sealed record MeasuredValue(string Published, ParsedValue Parsed, SourceSpan Where) : FieldValue(Where)
{
    public override string Text => Published;
}

/// <summary>The rows of a <c>table</c> field, each a group of cells typed by the table's columns.</summary>
/// <param name="Total">The index of the row the layout's <c>total_row</c> names (合计), or null: what a role on a column reads.</param>
public sealed record TableValue(IReadOnlyList<GroupValue> Rows, SourceSpan Where, int? Total = null) : FieldValue(Where)
{
    public override string Text => string.Empty;

    /// <summary>The total row, or null when the table has none.</summary>
    public GroupValue? TotalRow => Total is { } i ? Rows[i] : null;
}

public sealed record GroupValue(FieldSet Fields, SourceSpan Where) : FieldValue(Where)
{
    public override string Text => string.Empty;
}
