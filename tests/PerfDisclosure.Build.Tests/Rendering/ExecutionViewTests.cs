using AngleSharp.Html.Parser;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>
/// <c>form.execution_block</c> (issue 15): a template lists the fund rows of an execution block and their columns from the
/// layout's roles, so it names no field key; tested on a layout written here whose keys are none of the seeds'.
/// </summary>
public class ExecutionViewTests
{
    private const string Layout = """
        id: exec-view
        title: 项目支出绩效自评表
        kind: self-evaluation
        owner: unit
        scoring: shanghai
        amount_unit: 元
        amount: money.sum.plan
        fields:
          - {key: name, label: 项目名称, type: text, required: true, role: project-name}
          - {key: unit, label: 预算单位, type: organisation, required: true}
          - key: money
            label: 资金执行情况
            type: group
            role: fund-rows
            fields:
              - key: sum
                label: 合计
                type: group
                fields:
                  - {key: plan, label: 调整后预算数, type: amount, format: "#,##0.00", role: adjusted-budget}
                  - {key: spent, label: 预算执行数, type: amount, format: "#,##0.00", role: executed}
                  - {key: pct, label: 预算执行率, type: number, format: "0.00", role: execution-rate}
                  - {key: points, label: 权重, type: number, format: "0.00", role: execution-weight}
                  - {key: got, label: 得分, type: number, format: "0.00", role: execution-score}
              - key: fiscal
                label: 财政资金
                type: group
                fields:
                  - {key: plan, label: 调整后预算数, type: amount, format: "#,##0.00"}
                  - {key: spent, label: 预算执行数, type: amount, format: "#,##0.00"}
                  - {key: pct, label: 预算执行率, type: number, format: "0.00"}
          - {key: points_total, label: 总分, type: number, role: total-score}
          - {key: level, label: 评分等级, type: text, values: [优, 良, 中, 差], role: grade}
        indicator_columns:
          - {key: goal, label: 指标值, type: value, role: target}
        """;

    private const string Template = """
        <h1>{{ form.project_name }}</h1>
        <table class="official-form"><tbody class="funds">
        <tr><th>{{ form.execution_block.label }}</th>{{ for c in form.execution_block.columns }}<th id="{{ c.id }}">{{ c.label }}</th>{{ end }}</tr>
        {{~ for r in form.execution_block.rows ~}}
        <tr data-scored="{{ r.scored }}"><th id="{{ r.id }}">{{ r.label }}</th>{{ for cell in r.cells }}<td headers="fund-{{ cell.key }} {{ r.id }}">{{ if cell.html == "" && cell.scored_only && !r.scored }}—{{ else }}{{ cell.html }}{{ end }}</td>{{ end }}</tr>
        {{~ end ~}}
        </tbody></table>
        """;

    private const string Form = """
        layout: exec-view
        year: 2025
        name: 执行示例项目
        unit: sh-hongqiao-investment-service
        money:
          sum: {plan: 100, spent: 90, pct: 90.00, points: 10, got: 9}
          fiscal: {plan: 100, spent: 90, pct: 90.00}
        points_total: 9
        level: 差
        indicators:
          - {level1: 产出指标, level2: 数量指标, level3: 举办活动场次, goal: "8场"}
        """;

    [Fact]
    public void A_template_lists_the_fund_rows_and_columns_the_roles_declare()
    {
        var site = new TestSite("execution-view");
        foreach (var file in Directory.GetFiles(Path.Combine(site.Content, "forms"), "*.yaml", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        site.Write("templates/layouts/forms/exec-view.yaml", Layout);
        site.Write("templates/layouts/forms/exec-view.sbn-html", Template);
        site.Write("forms/sh-hongqiao-investment-service/2025/exec-view.yaml", Form);

        var result = new SiteBuilder(site.Options()).Build();

        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "sh-hongqiao-investment-service", "2025", "exec-view", "index.html")));
        var rows = page.QuerySelectorAll("tbody.funds tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["资金执行情况", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"], rows[0]);
        Assert.Equal(["合计", "100.00", "90.00", "90.00", "10.00", "9.00"], rows[1]);
        Assert.Equal(["财政资金", "100.00", "90.00", "90.00", "—", "—"], rows[2]);
        Assert.Equal(["true", "false"], page.QuerySelectorAll("tbody.funds tr[data-scored]").Select(r => r.GetAttribute("data-scored")));
        Assert.All(page.QuerySelectorAll("tbody.funds td").SelectMany(c => c.GetAttribute("headers")!.Split(' ')), id => Assert.NotNull(page.GetElementById(id)));
    }
}
