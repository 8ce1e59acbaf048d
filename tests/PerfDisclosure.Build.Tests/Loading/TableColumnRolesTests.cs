using AngleSharp.Html.Parser;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Loading;

/// <summary>
/// Roles on the columns of a <c>type: table</c> field (issue 15, item 5): an execution table of one row per fund
/// source (财政资金 / 财政专户管理资金 / 单位资金 / 其他资金) whose total row (合计) alone carries 权重 and 得分. The roles
/// are read on the total row, so the scoring checks, the sums, open data, the page and the phone view find the block
/// whatever its keys; written here, not a seed.
/// </summary>
public class TableColumnRolesTests
{
    private const string Owner = "sh-hongqiao-investment-service";

    private const string Layout = """
        id: table-roles
        title: 部门预算项目支出绩效自评表
        kind: self-evaluation
        owner: unit
        scoring: shanghai
        amount_unit: 元
        amount: execution.plan
        fields:
          - {key: name, label: 项目名称, type: text, required: true, role: project-name}
          - {key: unit, label: 预算单位, type: organisation, required: true}
          - key: execution
            label: 预算执行情况
            type: table
            total_row: {column: source, label: 合计}
            columns:
              - {key: source, label: 资金来源, type: text}
              - {key: opening, label: 年初预算, type: amount, format: "#,##0.00", role: budget}
              - {key: plan, label: 调整后预算数, type: amount, format: "#,##0.00", role: adjusted-budget}
              - {key: spent, label: 预算执行数, type: amount, format: "#,##0.00", role: executed}
              - {key: pct, label: 预算执行率, type: number, format: "0.00", role: execution-rate}
              - {key: points, label: 权重, type: number, format: "0.00", role: execution-weight, placeholders: ["—"]}
              - {key: got, label: 得分, type: number, format: "0.00", role: execution-score, placeholders: ["—"]}
          - {key: points_total, label: 总分, type: number, format: "0.00", role: total-score}
          - {key: level, label: 评分等级, type: text, values: [优, 良, 中, 差], role: grade}
        indicator_columns:
          - {key: goal, label: 指标值, type: value, role: target}
          - {key: worth, label: 分值, type: number, role: weight}
          - {key: earned, label: 得分, type: number, role: score}
        """;

    private const string Template = """
        <h1>{{ form.project_name }}</h1>
        <table class="official-form"><tbody class="funds">
        <tr><th>{{ form.execution_block.label }}</th>{{ for c in form.execution_block.columns }}<th id="{{ c.id }}">{{ c.label }}</th>{{ end }}</tr>
        {{~ for r in form.execution_block.rows ~}}
        <tr data-scored="{{ r.scored }}"><th id="{{ r.id }}">{{ r.label }}</th>{{ for cell in r.cells }}<td>{{ cell.html }}</td>{{ end }}</tr>
        {{~ end ~}}
        </tbody></table>
        """;

    private const string Form = """
        layout: table-roles
        year: 2025
        name: 表格执行示例项目
        unit: sh-hongqiao-investment-service
        execution:
          - {source: 财政资金, opening: 800, plan: 800, spent: 760, pct: 95.00, points: "—", got: "—"}
          - {source: 财政专户管理资金, opening: 100, plan: 100, spent: 100, pct: 100.00, points: "—", got: "—"}
          - {source: 单位资金, opening: 100, plan: 100, spent: 40, pct: 40.00, points: "—", got: "—"}
          - {source: 合计, opening: 1000, plan: 1000, spent: 900, pct: 90.00, points: 10, got: 9}
        points_total: 99
        level: 优
        indicators:
          - {level1: 产出指标, level2: 数量指标, level3: 举办活动场次, goal: "8场", worth: 90, earned: 90}
        """;

    private static TestSite Site(string name, string? form = null, string? layout = null)
    {
        var site = new TestSite(name);
        foreach (var file in Directory.GetFiles(Path.Combine(site.Content, "forms"), "*.yaml", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        site.Write("templates/layouts/forms/table-roles.yaml", layout ?? Layout);
        site.Write("templates/layouts/forms/table-roles.sbn-html", Template);
        site.Write($"forms/{Owner}/2025/table-roles.yaml", form ?? Form);
        return site;
    }

    [Fact]
    public void A_consistent_execution_table_is_clean()
    {
        var (_, diagnostics) = new SiteBuilder(Site("table-roles-clean").Options()).Check();

        Assert.DoesNotContain(diagnostics, d => d.Where.File.EndsWith("table-roles.yaml", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("spent: 40, pct: 40.00", "spent: 40, pct: 45.00", "PD0401", 8)] // a fund row's 执行率 is checked
    [InlineData("points: 10, got: 9}\npoints_total: 99", "points: 10, got: 8}\npoints_total: 98", "PD0402", 9)] // 得分 = 权重 × 执行率 on the total row
    [InlineData("{source: 合计, opening: 1000", "{source: 合计, opening: 1100", "PD0104", 9)] // the total row is the sum of the fund rows
    [InlineData("points_total: 99", "points_total: 98", "PD0405", 10)] // 总分 adds the total row's 得分 to the indicators'
    public void The_roles_of_a_table_s_columns_drive_the_checks(string from, string to, string code, int line)
    {
        Assert.Contains(from, Form, StringComparison.Ordinal);
        var site = Site($"table-roles-{code}", Form.Replace(from, to, StringComparison.Ordinal));

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var finding = Assert.Single(diagnostics, d => d.Where.File.EndsWith("table-roles.yaml", StringComparison.Ordinal));
        Assert.Equal((code, line), (finding.Code, finding.Where.Line));
    }

    [Fact]
    public void Open_data_the_page_and_the_phone_view_read_the_total_row()
    {
        var site = Site("table-roles-build");

        var result = new SiteBuilder(site.Options() with { NoPdf = true }).Build();

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        var csv = File.ReadAllLines(Path.Combine(site.Output, "data", "forms.csv"));
        var header = csv[0].Split(',');
        var row = csv.Single(l => l.Contains("table-roles", StringComparison.Ordinal)).Split(',');
        Assert.Equal(
            ["1000", "1000", "900", "90.00", "99", "优"],
            new[] { "预算数", "全年预算数", "执行数", "执行率", "总分", "评分等级" }.Select(h => row[Array.IndexOf(header, h)]));

        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, Owner, "2025", "table-roles", "index.html")));
        var rows = page.QuerySelectorAll("tbody.funds tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["预算执行情况", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"], rows[0]);
        Assert.Equal(["财政资金", "800.00", "800.00", "760.00", "95.00", "—", "—"], rows[1]);
        Assert.Equal(["合计", "1,000.00", "1,000.00", "900.00", "90.00", "10.00", "9.00"], rows[4]);
        Assert.Equal(["false", "false", "false", "true"], page.QuerySelectorAll("tbody.funds tr[data-scored]").Select(r => r.GetAttribute("data-scored")));

        // The phone view: the table's label, then a block per fund source; 权重 and 得分 only where they are printed.
        var reading = page.QuerySelector("section.form-reading")!;
        var headings = reading.QuerySelectorAll(".reading-group").Select(h => h.TextContent).ToList();
        Assert.Equal(["预算执行情况", "财政资金", "财政专户管理资金", "单位资金", "合计"], headings.Take(5));
        var blocks = reading.QuerySelectorAll("dl.reading-pairs").Select(d => d.QuerySelectorAll("dt").Select(t => t.TextContent).ToList()).ToList();
        Assert.Contains(["年初预算", "调整后预算数", "预算执行数", "预算执行率"], blocks);
        Assert.Contains(["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"], blocks);
    }

    [Fact]
    public void A_role_on_a_column_of_a_table_without_a_total_row_is_an_error_at_the_role()
    {
        var layout = Layout.Replace("    total_row: {column: source, label: 合计}\n", string.Empty, StringComparison.Ordinal);
        var site = Site("table-roles-no-total", layout: layout);

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var errors = diagnostics.Where(d => d.Code == "PD0010").ToList();
        Assert.NotEmpty(errors);
        var first = errors.OrderBy(d => d.Where.Line).First();
        Assert.EndsWith("table-roles.yaml", first.Where.File, StringComparison.Ordinal);
        Assert.Equal(layout.Split('\n').ToList().FindIndex(l => l.Contains("role: budget", StringComparison.Ordinal)) + 1, first.Where.Line);
    }

    [Fact]
    public void A_role_on_a_table_column_taken_by_another_field_is_an_error()
    {
        var layout = Layout.Replace("{key: name, label: 项目名称, type: text, required: true, role: project-name}", "{key: name, label: 项目名称, type: text, required: true, role: project-name}\n  - {key: spent_too, label: 执行数, type: amount, role: executed}", StringComparison.Ordinal);
        var site = Site("table-roles-twice", layout: layout);

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.Code == "PD0010" && d.MessageEn.Contains("already has the role 'executed'", StringComparison.Ordinal));
        Assert.Equal(layout.Split('\n').ToList().FindIndex(l => l.Contains("key: spent, ", StringComparison.Ordinal)) + 1, error.Where.Line);
    }
}
