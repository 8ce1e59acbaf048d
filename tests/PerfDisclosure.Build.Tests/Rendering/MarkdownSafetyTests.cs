using PerfDisclosure.Build.Rendering;

namespace PerfDisclosure.Build.Tests.Rendering;

public class MarkdownSafetyTests
{
    [Theory]
    [InlineData("[点击](javascript:alert(1))", "<p>点击</p>")]
    [InlineData("[点击](JaVa\tScRiPt:alert(1))", "<p>[点击](JaVa\tScRiPt:alert(1))</p>")]
    [InlineData("[点击](java%0ascript:alert(1))", "<p>点击</p>")]
    [InlineData("[点击](vbscript:x)", "<p>点击</p>")]
    [InlineData("[点击](data:text/html;base64,PHNjcmlwdD4=)", "<p>点击</p>")]
    [InlineData("[**加粗**的链接](javascript:x)", "<p><strong>加粗</strong>的链接</p>")]
    [InlineData("![图表](javascript:alert(1))", "<p>图表</p>")]
    [InlineData("![图表](data:image/svg+xml;base64,PHN2Zz4=)", "<p>图表</p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("[点击][r]\n\n[r]: javascript:alert(1)", "<p>点击</p>")]
    public void An_unsafe_link_or_image_becomes_its_text(string markdown, string html) =>
        Assert.Equal(html, MarkdownRenderer.Page(markdown));

    [Theory]
    [InlineData("[政策](https://www.gov.cn/zhengce/)", "<p><a href=\"https://www.gov.cn/zhengce/\">政策</a></p>")]
    [InlineData("[联系](mailto:budget@example.gov.cn)", "<p><a href=\"mailto:budget@example.gov.cn\">联系</a></p>")]
    [InlineData("[关于](../about/index.html)", "<p><a href=\"../about/index.html\">关于</a></p>")]
    [InlineData("[页内](#funds)", "<p><a href=\"#funds\">页内</a></p>")]
    public void Safe_links_are_kept(string markdown, string html) =>
        Assert.Equal(html, MarkdownRenderer.Page(markdown));

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    [InlineData("a <b onclick=\"x\">b</b>", "a &lt;b onclick=&quot;x&quot;&gt;b&lt;/b&gt;")]
    public void Raw_html_is_shown_as_text(string markdown, string escaped)
    {
        Assert.Contains(escaped, MarkdownRenderer.FormText(markdown), StringComparison.Ordinal);
        Assert.Contains(escaped, MarkdownRenderer.Page(markdown), StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_title_and_url_are_attribute_escaped() =>
        Assert.Equal("<p><a href=\"https://x.cn/%22%3E%3Cscript%3E\" title=\"&quot;&gt;&lt;script&gt;\">x</a></p>", MarkdownRenderer.Page("[x](https://x.cn/\"><script> \"\\\"><script>\")"));
}
