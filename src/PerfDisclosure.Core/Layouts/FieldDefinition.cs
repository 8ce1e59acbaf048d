namespace PerfDisclosure.Core.Layouts;

/// <summary>One field of a layout: its YAML key, the label the official form prints, and how it is read.</summary>
/// <param name="Format">.NET numeric format for amounts and numbers (e.g. <c>#,##0.00</c>), as the form prints them.</param>
/// <param name="Values">The allowed values of an enumeration (项目性质 …), or empty.</param>
/// <param name="Fields">Sub-fields of a group.</param>
public sealed record FieldDefinition(
    string Key,
    string Label,
    FieldType Type,
    bool Required = false,
    string? Format = null,
    IReadOnlyList<string>? Values = null,
    IReadOnlyList<FieldDefinition>? Fields = null,
    string? Description = null)
{
    /// <summary>Punctuation (besides white space) a published value may differ by from an allowed value: 31.履职类项目 is 31 履职类项目 spelled loosely.</summary>
    public const string LoosePunctuation = ".．、·-";

    /// <summary>What the field (or indicator column) means, when the layout says (<see cref="FieldRole"/>, <see cref="ColumnRole"/>).</summary>
    public FieldRole Role { get; init; }

    /// <summary>What an indicator column means, when the layout says.</summary>
    public ColumnRole ColumnRole { get; init; }

    /// <summary>What the official form prints in this number or amount field when it holds no number ("—", "/", "" …).</summary>
    public IReadOnlyList<string> Placeholders { get; init; } = [];

    /// <summary>An indicator column's column group (年度指标值), printed above it in a second header row; null when it has none.</summary>
    public string? Group { get; init; }

    /// <summary>Where the form prints a top-level field: among the header rows, after the indicator table, or in the footer.</summary>
    public FieldSection Section { get; init; }

    /// <summary>
    /// A top-level field after the indicators or in the footer: the printed row it shares with the fields next to it
    /// that name the same row (填报人 / 联系电话 / 填报日期 on one line); null when it has a row of its own.
    /// </summary>
    public string? Row { get; init; }

    /// <summary>A table: the row that totals the others (<c>total_row:</c>), or null.</summary>
    public TotalRow? TotalRow { get; init; }

    /// <summary>A table's column that is the product of others (金额 = 单价 × 数量, <c>product_of:</c>); empty otherwise.</summary>
    public IReadOnlyList<string> ProductOf { get; init; } = [];

    public IReadOnlyList<string> AllowedValues => Values ?? [];

    /// <summary>The allowed value <paramref name="text"/> spells with other spacing or punctuation, if any (published as written, flagged).</summary>
    public string? LooselySpelled(string text) => AllowedValues.FirstOrDefault(v => Loose(v) == Loose(text));

    /// <summary>A value without white space and <see cref="LoosePunctuation"/>: what two spellings of one value share.</summary>
    public static string Loose(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c) && !LoosePunctuation.Contains(c, StringComparison.Ordinal)));

    public IReadOnlyList<FieldDefinition> Children => Fields ?? [];

    public FieldDefinition? Child(string key) => Children.FirstOrDefault(f => f.Key == key);
}
