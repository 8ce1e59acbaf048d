using PerfDisclosure.Build.Site;
using PerfDisclosure.Core.Forms;
using PerfDisclosure.Core.Layouts;

namespace PerfDisclosure.Build.OpenData;

/// <summary>The CSV tables under site/data/: one row per form, and one row per indicator row.</summary>
public static class OpenDataTables
{
    /// <summary>Every table of a site, in the order the data page lists them.</summary>
    public static IReadOnlyList<DataTable> All(SiteModel site) => [Forms, Indicators(site.Forms.Select(f => f.Layout).Distinct())];

    public static DataTable Forms { get; } = new(
        "forms",
        "data/forms.csv",
        "绩效表清单",
        "One row per published form: who, which year, which project, how much and, for self-evaluations, the score and grade.",
        [
            new("id", "string", "表单编号", "owner/year/slug; the same id as in forms.json and indicators.csv"),
            new("url", "string", "页面地址", "the form's page, relative to the site root"),
            new("json", "string", "JSON 数据", "the form's own JSON file, relative to the site root"),
            new("year", "integer", "年度", "budget year"),
            new("kind", "string", "类型", "target (绩效目标申报表) or self-evaluation (绩效自评表)"),
            new("layout", "string", "版式", "the official layout the form follows"),
            new("title", "string", "表名", "the form's printed title"),
            new("project_name", "string", "项目名称", "project name"),
            new("owner", "string", "单位编号", "id of the organisation that publishes the form"),
            new("owner_name", "string", "单位名称", "name of that organisation"),
            new("jurisdiction", "string", "地区", "the jurisdiction of that organisation"),
            new("amount", "number", "金额", "the headline amount in the layout's unit, as published"),
            new("amount_unit", "string", "金额单位", "元 or 万元"),
            new("amount_yuan", "number", "金额（元）", "the headline amount converted to yuan, for sums across layouts"),
            new("total_score", "number", "总分", "self-evaluations: total score"),
            new("grade", "string", "评分等级", "self-evaluations: grade (优 / 良 / 中 / 差)"),
            new("classified", "boolean", "涉密", "涉密项目不宜公开: only the redacted form is published"),
            new("indicator_count", "integer", "指标数", "number of indicator rows"),
            new("updated", "date", "更新日期", "when the form was last changed (its updated field, else 1 January of its year)"),
        ],
        ["id"],
        site => site.Forms.Select(e => new object?[]
        {
            e.Form.Id, e.Path + "index.html", e.Path + "form.json", e.Form.Year, e.IsSelfEvaluation ? "self-evaluation" : "target",
            e.Layout.Id, e.Layout.Title, e.Form.ProjectName, e.Owner.Id, e.Owner.Name, e.Owner.Jurisdiction,
            e.Amount, e.Layout.AmountUnit, e.AmountInYuan, e.Form.Fields.NumberAt("total_score"), e.Form.Fields.TextAt("grade"),
            e.Form.Classified, e.Form.Indicators.Count, e.Updated,
        }));

    /// <summary>Indicator rows; the value columns are the union of the site's layouts' indicator columns.</summary>
    public static DataTable Indicators(IEnumerable<LayoutDefinition> layouts)
    {
        var columns = layouts.SelectMany(l => l.IndicatorColumns).DistinctBy(c => c.Key).ToList();
        return new(
            "indicators",
            "data/indicators.csv",
            "绩效指标",
            "One row per indicator row of every form, in the order the form prints them. Cells a layout does not have are empty.",
            [
                new("form_id", "string", "表单编号", "the form's id in forms.csv"),
                new("row", "integer", "行号", "1 for the form's first indicator row"),
                new("level1", "string", "一级指标", "level-1 indicator"),
                new("level2", "string", "二级指标", "level-2 indicator"),
                new("level3", "string", "三级指标", "level-3 indicator"),
                .. columns.Select(c => new DataColumn(c.Key, c.Type is FieldType.Number or FieldType.Amount ? "number" : "string", c.Label, $"{c.Label}, as published")),
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
        _ => value.Text,
    };
}
