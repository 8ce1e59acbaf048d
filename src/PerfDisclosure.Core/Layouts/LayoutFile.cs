using PerfDisclosure.Core.Schemas;

namespace PerfDisclosure.Core.Layouts;

/// <summary>
/// The keys of a layout definition (<c>templates/layouts/forms/&lt;id&gt;.yaml</c>), their types and allowed values:
/// the loader checks every layout against it (PD0010) and <c>schemas</c> publishes it as <c>layout.schema.json</c>.
/// A new layout key is one line here, and one read in <c>LayoutReader</c>.
/// </summary>
public static class LayoutFile
{
    /// <summary>Keys every form file has besides its layout's fields; a field may not take one of these names.</summary>
    public static IReadOnlyList<string> FormKeys { get; } = ["layout", "year", "classified", "indicators", "updated", "published"];

    /// <summary>The indicator columns every layout has; a declared column may not take one of these names.</summary>
    public static IReadOnlyList<string> LevelColumns { get; } = ["level1", "level2", "level3"];

    /// <summary>元: the unit of a layout's amounts when it names none.</summary>
    public const string DefaultAmountUnit = "元";

    /// <summary>The units a layout's amounts may be in, with yuan per unit.</summary>
    public static IReadOnlyDictionary<string, decimal> AmountUnits { get; } = new Dictionary<string, decimal>(StringComparer.Ordinal) { [DefaultAmountUnit] = 1m, ["万元"] = 10000m };

    /// <summary>What a field's key (and so a path segment) may be: it names a YAML key of every form of the layout.</summary>
    public const string KeyPattern = "^[a-z][a-z0-9_]*$";

    private static readonly TextShape Path = new("A dotted field path of this layout, e.g. funds.total.full_year_budget");

    private static readonly ObjectShape Field = new("A field (or an indicator column): its key in form files, the label the official form prints, its type",
    [
        new("key", new TextShape("The YAML key in form files", Pattern: KeyPattern, PatternHint: "lower-case ASCII letters, digits and _, starting with a letter"), Required: true),
        new("label", new TextShape("The label exactly as the official form prints it")),
        new("type", new TextShape("How the value is read: text, markdown, amount (in the layout's unit), number, date, organisation (an id), value (a 指标值, parsed by the value grammar), group (sub-fields), table (repeating rows of its columns)", EnumNames.Of<FieldType>())),
        new("required", new BooleanShape("Whether every form of the layout must fill it")),
        new("format", new TextShape("The .NET number format the form prints it with, e.g. #,##0.00")),
        new("values", new ListShape("The allowed values of an enumeration (项目性质 …)", new TextShape("An allowed value as the form prints it"))),
        new("fields", new ListShape("The sub-fields of a group", new RefShape("field"))),
        new("columns", new ListShape("The columns of a table field, each cell typed like a field", new RefShape("field"))),
        new("total_row", new ObjectShape("A table field: the row that totals the others (合计); its amount cells are the sums of the other rows'",
        [
            new("column", new TextShape("The key of the text column that names a row"), Required: true),
            new("label", new TextShape("What that column holds in the total row, e.g. 合计"), Required: true),
        ])),
        new("product_of", new ListShape("A column of a table field: the columns (number or amount) whose product it is, e.g. [price, quantity]", new TextShape("A column key of the same table"))),
        new("description", new TextShape("A note for the people who fill in the form")),
        new("role", new TextShape(
            "What the field means, so that checks, listings, search, charts and open data find it whatever its key: a field's project-name, project-code, total-score, total-weight, grade, department, planned-start, planned-end, the execution block's fund-rows and its row's budget, adjusted-budget, executed, execution-rate, execution-weight and execution-score; an indicator column's target, actual, weight, score, deviation, explanation, comparator, unit or standard",
            [.. EnumNames.Of<FieldRole>().Skip(1), .. EnumNames.Of<ColumnRole>().Skip(1).Except(EnumNames.Of<FieldRole>())])),
        new("group", new TextShape("An indicator column: the label of the column group printed above it in a second header row (年度指标值 over 指标性质 / 指标值 / 度量单位); consecutive columns with the same group share one cell")),
        new("section", new TextShape("A top-level field: where the form prints it: header (above the indicators, the default), after (text rows after the indicator table: 评价结论, 存在问题 …) or footer (填表人, 联系电话, 填报日期, 审核意见 …)", EnumNames.Of<FieldSection>())),
        new("row", new TextShape("A top-level field in the after or footer section: fields next to each other with the same row print side by side in one table row (填报人 / 联系电话 / 填报日期)")),
        new("placeholders", new ListShape("A number or amount field: what its official form prints where it has no number (—, /, …); shown as printed, left out of sums, null in open data", new TextShape("A placeholder as printed"))),
    ]);

    private static readonly ObjectShape Root = new("版式: the official arrangement of one jurisdiction's form",
    [
        new("id", new TextShape("The layout's id, named by form files (layout: <id>); the file is named <id>.yaml"), Required: true),
        new("title", new TextShape("The form's title, exactly as the official form prints it"), Required: true),
        new("kind", new TextShape("target (a performance targets form) or self-evaluation (a self-evaluation form, scored by the layout's scoring rules)", EnumNames.Of<FormKind>()), Required: true),
        new("jurisdiction", new TextShape("The jurisdiction whose form this is, e.g. 上海市")),
        new("owner", new TextShape("The organisation field that owns a form: its page lives under that organisation"), Required: true),
        new("framework", new TextShape("The indicator framework (templates/frameworks/<id>.yaml); mof when absent")),
        new("scoring", new TextShape("The scoring rules of a self-evaluation (templates/scoring/<id>.yaml)")),
        new("amount_unit", new TextShape("The unit of the layout's amounts", [.. AmountUnits.Keys])),
        new("amount", Path with { Description = "The path of the amount field that is a form's headline amount (listed and totalled)" }),
        new("landscape", new BooleanShape("Whether the official form is printed landscape")),
        new("print", new ObjectShape("Print-only hints for the PDF (docs/pdf.md); the web page ignores them",
        [
            new("columns", new ListShape("Relative widths of the form table's columns, one per column of the rendered table, e.g. [2, 2, 5, 3]; estimated from the text when absent", new NumberShape("A column's relative width (a positive number)"))),
            new("repeat_header", new BooleanShape("Whether a row group's header rows (the indicator header) repeat on every page the group runs onto; true when absent")),
        ])),
        new("merge_levels", new BooleanShape("Whether equal 一级/二级指标 names on consecutive rows share one merged cell (true) or repeat on every row")),
        new("template", new TextShape("The page template (layouts/forms/<template>.sbn-html); the id when absent")),
        new("fields", new ListShape("The fields of the form, in printed order", new RefShape("field"))),
        new("level_labels", new ObjectShape("The headers the form prints over the indicator table's three name columns; a column not named takes the theme's word (strings.yaml indicator_levels: 一级指标 …). The page and PDF print them and import finds the table by them",
        [
            new("level1", new TextShape("The header of the level-1 name column, e.g. 一级指标")),
            new("level2", new TextShape("The header of the level-2 name column, e.g. 二级指标")),
            new("level3", new TextShape("The header of the level-3 name column, e.g. 三级指标 or 指标名称")),
        ])),
        new("indicator_columns", new ListShape("The columns of the indicator table after 一级/二级/三级指标", new RefShape("field"))),
        new("checks", new ObjectShape("The fund identities the form promises",
        [
            new("sums", new ListShape("Totals that equal the sum of their parts", new ObjectShape("A total and its parts",
            [
                new("total", Path with { Description = "The path of the total (an amount field)" }, Required: true),
                new("parts", new ListShape("The paths of the parts (amount fields)", Path), Required: true),
            ]))),
            new("bounds", new ListShape("Amounts that do not exceed another", new ObjectShape("A part and the whole it may not exceed",
            [
                new("part", Path with { Description = "The path of the part (an amount field)" }, Required: true),
                new("whole", Path with { Description = "The path of the whole (an amount field)" }, Required: true),
            ]))),
        ])),
        new("redaction", new ObjectShape("What a classified project's form (涉密项目不宜公开) shows",
        [
            new("marker", new TextShape("The text a redacted cell holds, e.g. 涉密")),
            new("fields", new ListShape("Fields (top-level keys) that hold only the redaction text", new TextShape("A field key"))),
            new("columns", new ListShape("Indicator columns (level1, level2, level3 or a declared column) that hold only the redaction text", new TextShape("A column key"))),
        ])),
    ]);

    public static FileSchema Schema { get; } = new("layout", "PerfDisclosure layout definition (templates/layouts/forms/<id>.yaml)", Root, new Dictionary<string, Shape> { ["field"] = Field });
}
