using PerfDisclosure.Build.Site;
using PerfDisclosure.Build.Theme;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.OpenData;

/// <summary>The CSV tables under site/data/: one row per form, and one row per indicator row.</summary>
public static class OpenDataTables
{
    /// <summary>Every table of a site, in the order the data page lists them.</summary>
    public static IReadOnlyList<DataTable> All(SiteModel site) => [Forms(site.Strings), Indicators(site.Strings, site.Forms.Select(f => f.Layout).Distinct())];

    /// <summary>One row per form.</summary>
    public static DataTable Forms(ThemeStrings strings)
    {
        DataColumn Column(string name, string type) => new(name, type, strings[$"open_data.forms.columns.{name}.title"], strings[$"open_data.forms.columns.{name}.description"]);
        return new(
            "forms",
            "data/forms.csv",
            strings["open_data.forms.title"],
            strings["open_data.forms.description"],
            [
                Column("id", "string"),
                Column("url", "string"),
                Column("json", "string"),
                Column("year", "integer"),
                Column("kind", "string"),
                Column("layout", "string"),
                Column("title", "string"),
                Column("project_name", "string"),
                Column("owner", "string"),
                Column("owner_name", "string"),
                Column("jurisdiction", "string"),
                Column("amount", "number"),
                Column("amount_unit", "string"),
                Column("amount_yuan", "number"),
                Column(RoleNames.Snake(FieldRole.TotalScore), "number"),
                Column(RoleNames.Snake(FieldRole.Grade), "string"),
                Column("classified", "boolean"),
                Column("indicator_count", "integer"),
                Column("updated", "date"),
            ],
            ["id"],
            site => site.Forms.Select(e => new object?[]
            {
                e.Form.Id, e.Path + "index.html", e.Path + "form.json", e.Form.Year, e.IsSelfEvaluation ? "self-evaluation" : "target",
                e.Layout.Id, e.Layout.Title, e.Form.ProjectName, e.Owner.Id, e.Owner.Name, e.Owner.Jurisdiction,
                e.Amount, e.Layout.AmountUnit, e.AmountInYuan, e.TotalScore, e.Grade,
                e.Form.Classified, e.Form.Indicators.Count, e.Updated,
            }));
    }

    /// <summary>Indicator rows; the value columns are the union of the site's layouts' indicator columns.</summary>
    public static DataTable Indicators(ThemeStrings strings, IEnumerable<LayoutDefinition> layouts)
    {
        DataColumn Column(string name, string type) => new(name, type, strings[$"open_data.indicators.columns.{name}.title"], strings[$"open_data.indicators.columns.{name}.description"]);
        var columns = layouts.SelectMany(l => l.IndicatorColumns).DistinctBy(c => c.Key).ToList();
        return new(
            "indicators",
            "data/indicators.csv",
            strings["open_data.indicators.title"],
            strings["open_data.indicators.description"],
            [
                Column("form_id", "string"),
                Column("row", "integer"),
                Column("level1", "string"),
                Column("level2", "string"),
                Column("level3", "string"),
                .. columns.Select(c => new DataColumn(c.Key, c.Type is FieldType.Number or FieldType.Amount ? "number" : "string", c.Label, strings.Format("open_data.indicators.layout_column", ("label", c.Label)))),
            ],
            ["form_id", "row"],
            site => site.Forms.SelectMany(e => e.Form.Indicators.Select<IndicatorRow, object?[]>((row, i) =>
            [
                e.Form.Id, i + 1, row.Level1?.Value, row.Level2?.Value, row.Level3?.Value,
                .. columns.Select(c => Cell(row[c.Key])),
            ])),
            new ForeignKey("form_id", "forms", "id"));
    }

    private static object? Cell(FieldValue? value) => value switch
    {
        null => null,
        NumberValue n => n.Number,
        PlaceholderValue => null,
        _ => value.Text,
    };
}
