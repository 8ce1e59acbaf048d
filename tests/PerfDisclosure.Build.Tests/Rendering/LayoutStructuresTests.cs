using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PerfDisclosure.Build.Tests.Validation;
using PerfDisclosure.Testing;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>
/// The structures other jurisdictions print, declared by a layout written here (not a seed): a two-row indicator
/// header (<c>group:</c>), rows after the indicators and a footer (<c>section:</c>), and a table field of repeating
/// rows (<c>type: table</c>) with a total row and a product column.
/// </summary>
public class LayoutStructuresTests
{
    private const string Layout = """
        id: structures
        title: 项目支出绩效自评表
        kind: target
        owner: unit
        amount_unit: 元
        amount: budget
        fields:
          - {key: name, label: 项目名称, type: text, required: true, role: project-name}
          - {key: unit, label: 预算单位, type: organisation, required: true}
          - {key: budget, label: 年度预算（元）, type: amount, format: "#,##0.00"}
          - key: detail
            label: 测算明细
            type: table
            total_row: {column: item, label: 合计}
            columns:
              - {key: item, label: 项目, type: text}
              - {key: price, label: 单价（元）, type: amount, format: "#,##0.00", placeholders: ["—"]}
              - {key: quantity, label: 数量, type: number}
              - {key: amount, label: 金额（元）, type: amount, format: "#,##0.00", product_of: [price, quantity]}
          - {key: conclusion, label: 评价结论, type: markdown, section: after}
          - {key: problems, label: 存在问题, type: markdown, section: after}
          - {key: filled_by, label: 填表人, type: text, section: footer}
          - {key: phone, label: 联系电话, type: text, section: footer}
        indicator_columns:
          - {key: comparator, label: 指标性质, type: text, group: 年度指标值, role: comparator}
          - {key: target, label: 指标值, type: value, group: 年度指标值, role: target}
          - {key: measure, label: 度量单位, type: text, group: 年度指标值, role: unit}
          - {key: standard, label: 绩效标准, type: text}
        """;

    private const string Template = """
        {{~ level3_colspan = 1; target_colspan = 1; section_label_colspan = 2; section_value_colspan = 5; table_label_colspan = 3 ~}}
        <h1>{{ form.project_name }}</h1>
        <table class="official-form">
        <thead data-section="indicator-header"><tr>{{ include "indicator-header" }}</tr></thead>
        <tbody data-section="indicators">
        {{~ for row in form.indicators ~}}
        <tr>{{ include "indicator-cells" }}</tr>
        {{~ end ~}}
        </tbody>
        {{~ table = form.f.detail ~}}
        {{ include "table-field" }}
        {{ include "form-after" }}
        {{ include "form-footer" }}
        </table>
        """;

    private const string Form = """
        layout: structures
        year: 2025
        name: 结构示例项目
        unit: sh-hongqiao-investment-service
        budget: 18000
        detail:
          - {item: 设备购置, price: 3000, quantity: 4, amount: 12000}
          - {item: 运维服务, price: "—", amount: 6000}
          - {item: 合计, amount: 18000}
        conclusion: 项目总体完成。
        problems: 宣传覆盖面不足。
        filled_by: 张三
        phone: 021-12345678
        indicators:
          - {level1: 产出指标, level2: 数量指标, level3: 举办活动场次, comparator: "≧", target: "8", measure: 场, standard: 计划标准}
        """;

    private static TestSite Site(string name, string? form = null, string? layout = null)
    {
        var site = new TestSite(name);
        foreach (var file in Directory.GetFiles(Path.Combine(site.Content, "forms"), "*.yaml", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }

        site.Write("templates/layouts/forms/structures.yaml", layout ?? Layout);
        site.Write("templates/layouts/forms/structures.sbn-html", Template);
        site.Write("forms/sh-hongqiao-investment-service/2025/structures.yaml", form ?? Form);
        return site;
    }

    private static IDocument Page(TestSite site) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "sh-hongqiao-investment-service", "2025", "structures", "index.html")));

    [Fact]
    public void A_column_group_makes_a_two_row_header_with_its_associations()
    {
        var site = Site("structures-header");
        var result = new SiteBuilder(site.Options()).Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var page = Page(site);
        var rows = page.QuerySelectorAll("thead[data-section=indicator-header] tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal(["一级指标", "二级指标", "三级指标", "年度指标值", "绩效标准"], rows[0].Children.Select(c => c.TextContent));
        Assert.All(rows[0].Children.Where(c => c.TextContent != "年度指标值"), c => Assert.Equal("2", c.GetAttribute("rowspan")));
        var group = rows[0].Children.Single(c => c.TextContent == "年度指标值");
        Assert.Equal(("colgroup", "3"), (group.GetAttribute("scope"), group.GetAttribute("colspan")));
        Assert.Equal(["指标性质", "指标值", "度量单位"], rows[1].Children.Select(c => c.TextContent));
        Assert.All(rows[1].Children, c => Assert.Equal(group.Id, c.GetAttribute("headers")));

        // H43: each data cell names its column, the group over it, and its row's headers, and every id exists.
        var cells = page.QuerySelectorAll("tbody[data-section=indicators] td").ToList();
        Assert.Equal(["≧", "8", "场", "计划标准"], cells.Select(c => c.TextContent));
        Assert.StartsWith($"col-target {group.Id} ", cells[1].GetAttribute("headers"), StringComparison.Ordinal);
        Assert.DoesNotContain(group.Id!, cells[3].GetAttribute("headers")!, StringComparison.Ordinal);
        Assert.All(cells.SelectMany(c => c.GetAttribute("headers")!.Split(' ')), id => Assert.NotNull(page.GetElementById(id)));
    }

    [Fact]
    public void Rows_after_the_indicators_and_the_footer_are_their_own_row_groups()
    {
        var site = Site("structures-sections");
        Assert.True(new SiteBuilder(site.Options()).Build().Succeeded);

        var page = Page(site);
        var after = page.QuerySelectorAll("tbody[data-section=after] tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent.Trim())).ToList();
        Assert.Equal([("评价结论", "项目总体完成。"), ("存在问题", "宣传覆盖面不足。")], after);
        var footer = page.QuerySelector("table > tfoot[data-section=footer]")!;
        Assert.Equal([("填表人", "张三"), ("联系电话", "021-12345678")], footer.QuerySelectorAll("tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)));
        Assert.Equal("5", footer.QuerySelector("td")!.GetAttribute("colspan"));
        Assert.Null(page.QuerySelector("tfoot")!.NextElementSibling);
    }

    [Fact]
    public void A_table_field_prints_its_rows_typed_with_placeholders_and_a_total_row()
    {
        var site = Site("structures-table");
        var result = new SiteBuilder(site.Options()).Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.DoesNotContain(result.Diagnostics, d => d.Where.File.EndsWith("structures.yaml", StringComparison.Ordinal));

        var table = Page(site).QuerySelector("tbody[data-section=table][data-field=detail]")!;
        var rows = table.QuerySelectorAll("tr").Select(r => r.Children.Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["测算明细", "项目", "单价（元）", "数量", "金额（元）"], rows[0]);
        Assert.Equal(["设备购置", "3,000.00", "4", "12,000.00"], rows[1]);
        Assert.Equal(["运维服务", "—", "", "6,000.00"], rows[2]);
        Assert.Equal("total", table.QuerySelectorAll("tr")[3].GetAttribute("data-row"));

        var json = File.ReadAllText(Path.Combine(site.Output, "sh-hongqiao-investment-service", "2025", "structures", "form.json"));
        var detail = System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("fields").GetProperty("detail");
        Assert.Equal(3, detail.GetArrayLength());
        Assert.Equal(12000m, detail[0].GetProperty("amount").GetDecimal());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, detail[1].GetProperty("price").GetProperty("value").ValueKind);
        Assert.Equal("—", detail[1].GetProperty("price").GetProperty("printed").GetString());
    }

    [Theory]
    [InlineData("amount: 18000}", "amount: 19000}", "PD0104", 9)] // the total row is not the sum of the rows
    [InlineData("quantity: 4, amount: 12000}", "quantity: 5, amount: 12000}", "PD0105", 7)] // 3000 × 5 is not 12000
    [InlineData("quantity: 4,", "quantity: 四,", "PD0005", 7)] // a cell of a number column is a number
    [InlineData("price: \"—\",", "price: \"/\",", "PD0005", 8)] // only the column's own placeholders
    [InlineData("{item: 合计,", "{itme: 合计,", "PD0003", 9)] // a cell of no column, with the closest one
    public void A_table_is_checked_cell_by_cell_and_by_its_arithmetic(string from, string to, string code, int line)
    {
        var site = Site($"structures-{code}-{line}", Form.Replace(from, to, StringComparison.Ordinal));

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var finding = Assert.Single(diagnostics, d => d.Where.File.EndsWith("structures.yaml", StringComparison.Ordinal));
        Assert.Equal((code, line), (finding.Code, finding.Where.Line));
        BothLanguages.Said(finding);
    }

    [Theory]
    [InlineData("type: amount, format: \"#,##0.00\"}\n  - key: detail", "type: amount, format: \"#,##0.00\", group: 资金}\n  - key: detail", 10)] // group on a field
    [InlineData("label: 绩效标准, type: text}", "label: 绩效标准, type: text, section: after}", 28)] // section on a column
    [InlineData("section: footer}\n  - {key: phone", "section: foter}\n  - {key: phone", 22)] // a section outside the list
    [InlineData("product_of: [price, quantity]", "product_of: [price, quantty]", 19)] // a factor that is no column
    [InlineData("total_row: {column: item,", "total_row: {column: amount,", 14)] // the total row named by a number column
    [InlineData("{key: budget, label: 年度预算（元）, type: amount", "{key: budget, label: 年度预算（元）, type: amount, product_of: [x]", 10)] // product_of outside a table
    public void A_misplaced_structure_key_is_an_error_at_its_line(string from, string to, int line)
    {
        var layout = Layout.Replace(from, to, StringComparison.Ordinal);
        Assert.Equal(line, 1 + layout[..layout.IndexOf(to, StringComparison.Ordinal)].Count(c => c == '\n'));
        var site = Site($"structures-bad-{line}", layout: layout);

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.IsError && d.Code == "PD0010");
        Assert.EndsWith("structures.yaml", error.Where.File, StringComparison.Ordinal);
        Assert.Equal(line, error.Where.Line);
    }

    [Fact]
    public void Footer_fields_of_one_row_share_a_printed_row()
    {
        var layout = Layout
            .Replace("{key: filled_by, label: 填表人, type: text, section: footer}", "{key: filled_by, label: 填表人, type: text, section: footer, row: contact}", StringComparison.Ordinal)
            .Replace("{key: phone, label: 联系电话, type: text, section: footer}", "{key: phone, label: 联系电话, type: text, section: footer, row: contact}\n  - {key: filed_on, label: 填报日期, type: date, section: footer, row: contact}\n  - {key: review, label: 财政部门审核意见, type: text, section: footer}", StringComparison.Ordinal);
        var site = Site("structures-footer-row", Form.Replace("phone: 021-12345678", "phone: 021-12345678\nfiled_on: 2025-03-01\nreview: 同意", StringComparison.Ordinal), layout);
        var result = new SiteBuilder(site.Options()).Build();
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));

        var page = Page(site);
        var rows = page.QuerySelectorAll("tfoot[data-section=footer] tr").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["填表人", "张三", "联系电话", "021-12345678", "填报日期", "2025-03-01"], rows[0].Children.Select(c => c.TextContent));
        Assert.Equal(["th", "td", "th", "td", "th", "td"], rows[0].Children.Select(c => c.LocalName));
        // The grid is 2 + 5 columns: five cells of one column each, the last value taking the other two.
        Assert.Equal("2", rows[0].Children[^1].GetAttribute("colspan"));
        Assert.Equal([("财政部门审核意见", "同意")], rows.Skip(1).Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)));
        Assert.All(rows[0].QuerySelectorAll("td"), td => Assert.NotNull(page.GetElementById(td.GetAttribute("headers")!)));
    }

    [Theory]
    [InlineData("{key: budget, label: 年度预算（元）, type: amount, format: \"#,##0.00\"}", "{key: budget, label: 年度预算（元）, type: amount, format: \"#,##0.00\", row: money}", 10)] // a header field
    [InlineData("{key: phone, label: 联系电话, type: text, section: footer}", "{key: phone, label: 联系电话, type: text, section: footer, row: contact}\n  - {key: review, label: 审核意见, type: text, section: footer}\n  - {key: filed_on, label: 填报日期, type: date, section: footer, row: contact}", 25)] // not next to its row
    public void A_row_on_a_header_field_or_apart_from_its_row_is_an_error_at_its_line(string from, string to, int line)
    {
        var layout = Layout.Replace("{key: filled_by, label: 填表人, type: text, section: footer}", "{key: filled_by, label: 填表人, type: text, section: footer, row: contact}", StringComparison.Ordinal).Replace(from, to, StringComparison.Ordinal);
        var site = Site($"structures-row-{line}", layout: layout);

        var (_, diagnostics) = new SiteBuilder(site.Options()).Check();

        var error = Assert.Single(diagnostics, d => d.IsError && d.Code == "PD0010");
        Assert.Equal(line, error.Where.Line);
    }
}
