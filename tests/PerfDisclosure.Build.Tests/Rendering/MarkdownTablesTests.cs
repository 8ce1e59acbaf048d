using AngleSharp.Html.Parser;
using PerfDisclosure.Build.Rendering;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>A pipe table inside a long text (a 测算明细 of 项目 / 单价 / 数量 / 金额) is a real table with its header.</summary>
public class MarkdownTablesTests
{
    private const string Breakdown = """
        测算明细如下：

        | 项目 | 单价（元） | 数量 | 金额（元） |
        |---|---:|---:|---:|
        | 宣传册印制 | 12.50 | 2000 | 25000.00 |
        | 场地租赁 | 8000.00 | 3 | 24000.00 |
        """;

    public static TheoryData<string> Renderers => ["page", "form"];

    [Theory]
    [MemberData(nameof(Renderers))]
    public void A_pipe_table_renders_as_a_table_with_column_headers(string renderer)
    {
        var html = renderer == "page" ? MarkdownRenderer.Page(Breakdown) : MarkdownRenderer.FormText(Breakdown);

        var document = new HtmlParser().ParseDocument(html);
        var table = Assert.Single(document.QuerySelectorAll("table"));
        Assert.Equal(["项目", "单价（元）", "数量", "金额（元）"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(2, table.QuerySelectorAll("tbody tr").Length);
        Assert.Equal("25000.00", table.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td")[3].TextContent);
        Assert.Equal("测算明细如下：", document.QuerySelector("p")!.TextContent);
    }

    [Fact]
    public void A_table_cell_keeps_the_link_policy()
    {
        var html = MarkdownRenderer.FormText("| 链接 |\n|---|\n| [点击](javascript:alert(1)) |\n");

        Assert.DoesNotContain("javascript", new HtmlParser().ParseDocument(html).QuerySelector("td")!.InnerHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(4000)]
    public void Many_pipes_within_the_limits_still_render(int pipes)
    {
        var text = string.Concat(Enumerable.Repeat("|a", pipes)) + "\n" + string.Concat(Enumerable.Repeat("|-", pipes)) + "\n";

        Assert.Contains("<table>", MarkdownRenderer.FormText(text), StringComparison.Ordinal);
    }
}
