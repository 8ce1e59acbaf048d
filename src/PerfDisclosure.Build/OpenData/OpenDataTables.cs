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
        "每张公开的绩效表一行：单位、年度、项目、金额，自评表另有总分与评分等级。",
        [
            new("id", "string", "表单编号", "单位/年度/文件名，与 forms.json、indicators.csv 中的编号相同"),
            new("url", "string", "页面地址", "该表页面的地址（相对于网站根目录）"),
            new("json", "string", "JSON 数据", "该表 JSON 文件的地址（相对于网站根目录）"),
            new("year", "integer", "年度", "预算年度"),
            new("kind", "string", "类型", "target（绩效目标申报表）或 self-evaluation（绩效自评表）"),
            new("layout", "string", "版式", "该表采用的官方版式"),
            new("title", "string", "表名", "原表标题"),
            new("project_name", "string", "项目名称", "项目名称"),
            new("owner", "string", "单位编号", "公开该表的单位的编号"),
            new("owner_name", "string", "单位名称", "公开该表的单位名称"),
            new("jurisdiction", "string", "地区", "该单位所在地区"),
            new("amount", "number", "金额", "原表所列金额，单位见 amount_unit"),
            new("amount_unit", "string", "金额单位", "元 或 万元"),
            new("amount_yuan", "number", "金额（元）", "换算为元的金额，便于跨表汇总"),
            new("total_score", "number", "总分", "自评表的总分"),
            new("grade", "string", "评分等级", "自评表的评分等级（优 / 良 / 中 / 差）"),
            new("classified", "boolean", "涉密", "涉密项目不宜公开：仅公开表中所示内容"),
            new("indicator_count", "integer", "指标数", "绩效指标行数"),
            new("updated", "date", "更新日期", "该表最近更新日期（未注明时为该年度 1 月 1 日）"),
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
            "每张表的每一行绩效指标一行，顺序与原表一致；版式中没有的列为空。",
            [
                new("form_id", "string", "表单编号", "所属绩效表在 forms.csv 中的编号"),
                new("row", "integer", "行号", "在原表中的行号，从 1 开始"),
                new("level1", "string", "一级指标", "一级指标"),
                new("level2", "string", "二级指标", "二级指标"),
                new("level3", "string", "三级指标", "三级指标"),
                .. columns.Select(c => new DataColumn(c.Key, c.Type is FieldType.Number or FieldType.Amount ? "number" : "string", c.Label, $"{c.Label}，与原表一致")),
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
