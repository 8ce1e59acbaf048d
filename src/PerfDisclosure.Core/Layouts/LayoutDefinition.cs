using PerfDisclosure.Core.Diagnostics;

namespace PerfDisclosure.Core.Layouts;

/// <summary>
/// 版式: the official arrangement of one jurisdiction and period, declared as data
/// (<c>templates/layouts/&lt;id&gt;.yaml</c>) so a site can add its own without changing code.
/// </summary>
/// <param name="Title">The form's printed title, e.g. 财政项目支出绩效目标申报表.</param>
/// <param name="Owner">The organisation field that owns the form (its page lives under that organisation).</param>
/// <param name="Framework">Id of the indicator framework the layout's level-1/level-2 names follow.</param>
/// <param name="Scoring">Id of the scoring rules (self-evaluations), or null.</param>
/// <param name="AmountUnit">元 or 万元.</param>
/// <param name="Amount">Path of the field that is the form's headline amount (listed and totalled per organisation).</param>
/// <param name="Landscape">Whether the official form is printed landscape.</param>
/// <param name="Redaction">What a classified form of this layout may show; null when the layout has no redacted form.</param>
/// <param name="MergeLevels">Whether equal 一级/二级指标 names on consecutive rows share one merged cell (Shanghai) or repeat on every row (Shenzhen).</param>
public sealed record LayoutDefinition(
    string Id,
    string Title,
    FormKind Kind,
    string Jurisdiction,
    string Owner,
    string Framework,
    string? Scoring,
    string AmountUnit,
    string Amount,
    bool Landscape,
    bool MergeLevels,
    IReadOnlyList<FieldDefinition> Fields,
    IReadOnlyList<FieldDefinition> IndicatorColumns,
    IReadOnlyList<SumCheck> Sums,
    IReadOnlyList<NotAboveCheck> Bounds,
    string Template,
    Redaction? Redaction = null)
{
    /// <summary>Yuan per unit of this layout's amounts.</summary>
    public decimal YuanPerUnit => LayoutFile.AmountUnits.GetValueOrDefault(AmountUnit, 1m);

    /// <summary>How the PDF prints the form beyond its orientation (<c>print:</c>); the defaults when the layout says nothing.</summary>
    public PrintHints Print { get; init; } = PrintHints.Default;

    /// <summary>
    /// The headers the form prints over the indicator table's three name columns (<c>level_labels:</c>), by column
    /// (<see cref="LayoutFile.LevelColumns"/>); a column the layout does not name takes the theme's word. The page, the
    /// PDF and <c>import</c> (which finds the table by them) read this one place.
    /// </summary>
    public IReadOnlyDictionary<string, string> LevelLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>Where each top-level key's value is in the layout file, for a finding about it (a framework that does not exist …).</summary>
    public IReadOnlyDictionary<string, SourceSpan> Places { get; init; } = new Dictionary<string, SourceSpan>();

    /// <summary>Every field and sub-field with its dotted path, in declared order.</summary>
    public IEnumerable<(string Path, FieldDefinition Field)> AllFields() => Walk(Fields, string.Empty);

    private static IEnumerable<(string Path, FieldDefinition Field)> Walk(IReadOnlyList<FieldDefinition> fields, string prefix) =>
        fields.SelectMany(f => Walk(f.Children, prefix + f.Key + ".").Prepend((prefix + f.Key, f)));

    public FieldDefinition? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public FieldDefinition? IndicatorColumn(string key) => IndicatorColumns.FirstOrDefault(f => f.Key == key);

    private IReadOnlyDictionary<FieldRole, string>? rolePaths;

    /// <summary>The dotted path of the field with <paramref name="role"/>, or null when the layout has none.</summary>
    public string? PathOf(FieldRole role)
    {
        // Computed once; two threads may both compute it, to the same result.
        rolePaths ??= Enum.GetValues<FieldRole>().Where(r => r != FieldRole.None)
            .Select(r => (Role: r, Path: PathOf(Fields, r, string.Empty)))
            .Where(p => p.Path is not null)
            .ToDictionary(p => p.Role, p => p.Path!);
        return rolePaths.GetValueOrDefault(role);
    }

    /// <summary>The value of the field with <paramref name="role"/> in <paramref name="form"/>.</summary>
    public Forms.FieldValue? ValueOf(Forms.Form form, FieldRole role) => PathOf(role) is { } path ? form.Fields.At(path) : null;

    public decimal? NumberOf(Forms.Form form, FieldRole role) => PathOf(role) is { } path ? form.Fields.NumberAt(path) : null;

    public string? TextOf(Forms.Form form, FieldRole role) => PathOf(role) is { } path ? form.Fields.TextAt(path) : null;

    /// <summary>The cell of the column with <paramref name="role"/> in an indicator row.</summary>
    public Forms.FieldValue? CellOf(Forms.IndicatorRow row, ColumnRole role) => ColumnOf(role) is { } key ? row[key] : null;

    /// <summary>The key of the indicator column with <paramref name="role"/>, or null when the layout has none.</summary>
    public string? ColumnOf(ColumnRole role) => IndicatorColumns.FirstOrDefault(c => c.ColumnRole == role)?.Key;

    /// <summary>The grades a form of this layout may have, best first: the allowed values of its grade field.</summary>
    public IReadOnlyList<string> Grades => PathOf(FieldRole.Grade) is { } path ? FieldAt(path)?.AllowedValues ?? [] : [];

    private (ExecutionBlock? Block, bool Read) execution;

    /// <summary>The execution block (fund rows, their columns, the scored row) the layout's roles declare, or null.</summary>
    public ExecutionBlock? Execution
    {
        get
        {
            if (!execution.Read)
            {
                execution = (ExecutionBlock.Of(this), true);
            }

            return execution.Block;
        }
    }

    private static string? PathOf(IReadOnlyList<FieldDefinition> fields, FieldRole role, string prefix)
    {
        foreach (var field in fields)
        {
            if (field.Role == role)
            {
                return prefix + field.Key;
            }

            if (PathOf(field.Children, role, prefix + field.Key + ".") is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>Finds a field by dotted path (<c>funds.total.score</c>).</summary>
    public FieldDefinition? FieldAt(string path)
    {
        var parts = path.Split('.');
        var field = Field(parts[0]);
        for (var i = 1; i < parts.Length && field is not null; i++)
        {
            field = field.Child(parts[i]);
        }

        return field;
    }
}

/// <summary>Print-only hints of a layout (<c>print:</c>), for the PDF; the web page ignores them.</summary>
/// <param name="Columns">Relative widths of the form table's columns, one per column; empty: estimated from the text.</param>
/// <param name="RepeatHeader">Whether a row group's header rows repeat on every page it runs onto.</param>
public sealed record PrintHints(IReadOnlyList<decimal> Columns, bool RepeatHeader = true)
{
    public static PrintHints Default { get; } = new([]);
}
