using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;
using PerfDisclosure.Core.Schemas;

namespace PerfDisclosure.Build.OpenData;

/// <summary>
/// The tables under site/data/: one row per form, and one row per indicator row. Headers are the theme's Chinese
/// words; each column keeps a stable English identifier (the schema's <c>title</c>). Columns that carry a meaning
/// are read by layout role, never by field key.
/// </summary>
public static class OpenDataTables
{
    /// <summary>The indicator table's columns before the layouts' own: form, year, owner, project, row and the three levels.</summary>
    private const int FixedIndicatorColumns = 8;

    /// <summary>Every table of a site, in the order the data page lists them.</summary>
    public static IReadOnlyList<DataTable> All(SiteModel site) => [Forms(site.Strings), Indicators(site.Strings, site.Forms.Select(f => f.Layout).Distinct())];

    /// <summary>One row per form.</summary>
    public static DataTable Forms(ThemeStrings strings)
    {
        DataColumn Column(string identifier, string type, FiscalColumn? fiscal = null) =>
            new(strings[$"open_data.forms.columns.{identifier}.title"], identifier, type, strings[$"open_data.forms.columns.{identifier}.description"]) { Fiscal = fiscal };
        var unit = strings["open_data.forms.columns.amount_unit.title"];
        FiscalColumn Amount(string? phase) => new("value", phase, UnitColumn: unit);
        string Role(FieldRole role) => RoleNames.Snake(role);
        return new(
            "forms",
            "data/forms.csv",
            strings["open_data.forms.title"],
            strings["open_data.forms.description"],
            [
                Column("id", "string"),
                Column("url", "string"),
                Column("json", "string"),
                Column("year", "integer", new("date:fiscal-year")),
                Column("kind", "string"),
                Column("layout", "string"),
                Column("title", "string"),
                Column(Role(FieldRole.ProjectName), "string", new("activity:generic:project:name")),
                Column(Role(FieldRole.ProjectCode), "string", new("activity:generic:project:code")),
                Column("owner", "string", new("administrative-classification:generic:code")),
                Column("owner_name", "string", new("administrative-classification:generic:name")),
                Column(Role(FieldRole.Department), "string", new("administrative-classification:generic:level1:name")),
                Column("jurisdiction", "string", new("geo-source:generic:name")),
                Column("amount", "number", Amount(null)),
                Column("amount_unit", "string"),
                Column("amount_yuan", "number", new("value", Factor: 1m)),
                Column(Role(FieldRole.Budget), "number", Amount("approved")),
                Column(Role(FieldRole.AdjustedBudget), "number", Amount("adjusted")),
                Column(Role(FieldRole.Executed), "number", Amount("executed")),
                Column(Role(FieldRole.ExecutionRate), "number"),
                Column(Role(FieldRole.TotalScore), "number"),
                Column(Role(FieldRole.Grade), "string"),
                Column("classified", "boolean"),
                Column("indicator_count", "integer"),
                Column("published", "date"),
                Column("updated", "date"),
            ],
            [strings["open_data.forms.columns.id.title"]],
            (site, forms) => forms.Select(e => new object?[]
            {
                e.Form.Id, e.Path + "index.html", e.Path + "form.json", e.Form.Year, EnumNames.Name(e.Layout.Kind),
                e.Layout.Id, e.Layout.Title, e.Form.ProjectName, e.Layout.TextOf(e.Form, FieldRole.ProjectCode), e.Owner.Id, e.Owner.Name,
                Name(site, e.Layout.ValueOf(e.Form, FieldRole.Department)), e.Owner.Jurisdiction,
                Printed(e.Layout, e.Layout.Amount, e.Amount), e.Layout.AmountUnit, e.AmountInYuan,
                Printed(e, FieldRole.Budget), Printed(e, FieldRole.AdjustedBudget), Printed(e, FieldRole.Executed), Printed(e, FieldRole.ExecutionRate),
                Printed(e, FieldRole.TotalScore), e.Grade,
                e.Form.Classified, e.Form.Indicators.Count, e.Published, e.Updated,
            }),
            RowsPerForm: _ => 1);
    }

    /// <summary>
    /// Indicator rows, with the form's year, unit and project so a spreadsheet row reads on its own; the value
    /// columns are the union of the site's layouts' indicator columns, headed by their labels.
    /// </summary>
    public static DataTable Indicators(ThemeStrings strings, IEnumerable<LayoutDefinition> layouts)
    {
        DataColumn Column(string identifier, string type, FiscalColumn? fiscal = null) =>
            new(strings[$"open_data.indicators.columns.{identifier}.title"], identifier, type, strings[$"open_data.indicators.columns.{identifier}.description"]) { Fiscal = fiscal };
        var fixedColumns = new List<DataColumn>
        {
            Column("form_id", "string"),
            Column("year", "integer", new("date:fiscal-year")),
            Column("owner_name", "string", new("administrative-classification:generic:name")),
            Column("project_name", "string", new("activity:generic:project:name")),
            Column("row", "integer"),
            Column("level1", "string"),
            Column("level2", "string"),
            Column("level3", "string"),
        };
        var columns = layouts.SelectMany(l => l.IndicatorColumns).DistinctBy(c => c.Key).ToList();
        var headers = new HashSet<string>(fixedColumns.Select(c => c.Name), StringComparer.Ordinal);
        var layoutColumns = columns.Select(c => new DataColumn(
            // Two layouts may label different columns alike: a header names one column, so the second says its key.
            headers.Add(c.Label) ? c.Label : strings.Format("open_data.indicators.same_label", ("label", c.Label), ("key", c.Key)),
            c.Key,
            c.Type is FieldType.Number or FieldType.Amount ? "number" : "string",
            strings.Format("open_data.indicators.layout_column", ("label", c.Label)))).ToList();
        return new(
            "indicators",
            "data/indicators.csv",
            strings["open_data.indicators.title"],
            strings["open_data.indicators.description"],
            [.. fixedColumns, .. layoutColumns],
            [fixedColumns[0].Name, fixedColumns[4].Name],
            (site, forms) => forms.SelectMany(e =>
            {
                // Each column's format in this form's layout, looked up once per form rather than once per cell.
                string?[] formats = [.. columns.Select(c => e.Layout.IndicatorColumn(c.Key)?.Format)];
                return e.Form.Indicators.Select((row, i) => IndicatorCells(e, row, i, columns, formats));
            }),
            new ForeignKey(fixedColumns[0].Name, "forms", strings["open_data.forms.columns.id.title"]),
            e => e.Form.Indicators.Count);
    }

    /// <summary>One indicator row's cells, made as one array of the table's width (a row of every indicator of the site).</summary>
    private static object?[] IndicatorCells(FormEntry entry, IndicatorRow row, int index, IReadOnlyList<FieldDefinition> columns, string?[] formats)
    {
        var cells = new object?[FixedIndicatorColumns + columns.Count];
        (cells[0], cells[1], cells[2], cells[3]) = (entry.Form.Id, entry.Form.Year, entry.Owner.Name, entry.Form.ProjectName);
        (cells[4], cells[5], cells[6], cells[7]) = (index + 1, row.Level1?.Value, row.Level2?.Value, row.Level3?.Value);
        for (var c = 0; c < columns.Count; c++)
        {
            cells[FixedIndicatorColumns + c] = Cell(row[columns[c].Key], formats[c]);
        }

        return cells;
    }

    /// <summary>The value of a role's field: a number with the layout's format, else null.</summary>
    private static PrintedNumber? Printed(FormEntry entry, FieldRole role) =>
        Printed(entry.Layout, entry.Layout.PathOf(role), entry.Layout.NumberOf(entry.Form, role));

    private static PrintedNumber? Printed(LayoutDefinition layout, string? path, decimal? number) =>
        number is { } n ? new PrintedNumber(n, path is null ? null : layout.FieldAt(path)?.Format) : null;

    private static string? Name(SiteModel site, FieldValue? value) => value switch
    {
        null or PlaceholderValue => null,
        OrganisationValue o => site.OrganisationName(o.Id),
        _ => value.Text,
    };

    private static object? Cell(FieldValue? value, string? format) => value switch
    {
        null => null,
        NumberValue n => new PrintedNumber(n.Number, format),
        PlaceholderValue => null,
        _ => value.Text,
    };
}
