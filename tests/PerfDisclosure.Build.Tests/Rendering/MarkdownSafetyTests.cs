using AngleSharp.Html.Parser;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Core.Links;

namespace PerfDisclosure.Build.Tests.Rendering;

public class MarkdownSafetyTests
{
    private static readonly Func<string, string>[] Renderers = [MarkdownRenderer.Page, MarkdownRenderer.FormText];

    [Theory]
    [InlineData("[点击](javascript:alert(1))", "<p>点击</p>")]
    [InlineData("[点击](JaVa\tScRiPt:alert(1))", "<p>[点击](JaVa\tScRiPt:alert(1))</p>")]
    [InlineData("[点击](java%0ascript:alert(1))", "<p>点击</p>")]
    [InlineData("[点击](&#106;avascript:alert(1))", "<p>点击</p>")]
    [InlineData("[点击](javascript&colon;alert(1))", "<p>点击</p>")]
    [InlineData("[点击](<java script:alert(1)>)", "<p>点击</p>")]
    [InlineData("[点击]( javascript:alert(1))", "<p>点击</p>")]
    [InlineData("[点击](vbscript:x)", "<p>点击</p>")]
    [InlineData("[点击](file:///etc/passwd)", "<p>点击</p>")]
    [InlineData("[点击](data:text/html;base64,PHNjcmlwdD4=)", "<p>点击</p>")]
    [InlineData("[**加粗**的链接](javascript:x)", "<p><strong>加粗</strong>的链接</p>")]
    [InlineData("![图表](javascript:alert(1))", "<p>图表</p>")]
    [InlineData("![图表](data:image/svg+xml;base64,PHN2Zz4=)", "<p>图表</p>")]
    [InlineData("[![图](javascript:1)](javascript:2)", "<p>图</p>")]
    [InlineData("<javascript:alert(1)>", "<p>javascript:alert(1)</p>")]
    [InlineData("<JaVaScRiPt:alert(1)>", "<p>JaVaScRiPt:alert(1)</p>")]
    [InlineData("<javascript:alert(5)> [x](javascript:1)", "<p>javascript:alert(5) x</p>")]
    [InlineData("[x](javascript:1) <javascript:alert(5)>", "<p>x javascript:alert(5)</p>")]
    [InlineData("<vbscript:x> <data:text/html,x> <file:///etc/passwd>", "<p>vbscript:x data:text/html,x file:///etc/passwd</p>")]
    [InlineData("[点击][r]\n\n[r]: javascript:alert(1)", "<p>点击</p>")]
    [InlineData("[r]\n\n[r]: <vbscript:alert(1)> \"t\"", "<p>r</p>")]
    [InlineData("![图][r]\n\n[r]: data:image/png;base64,AAAA", "<p>图</p>")]
    public void An_unsafe_link_or_image_becomes_its_text(string markdown, string html) =>
        Assert.All(Renderers, render => Assert.Equal(html, render(markdown)));

    [Theory]
    [InlineData("[政策](https://www.gov.cn/zhengce/)", "<p><a href=\"https://www.gov.cn/zhengce/\">政策</a></p>")]
    [InlineData("[政策](HTTPS://www.gov.cn/)", "<p><a href=\"HTTPS://www.gov.cn/\">政策</a></p>")]
    [InlineData("[联系](mailto:budget@example.gov.cn)", "<p><a href=\"mailto:budget@example.gov.cn\">联系</a></p>")]
    [InlineData("[关于](../about/index.html)", "<p><a href=\"../about/index.html\">关于</a></p>")]
    [InlineData("[页内](#funds)", "<p><a href=\"#funds\">页内</a></p>")]
    [InlineData("<https://www.gov.cn/>", "<p><a href=\"https://www.gov.cn/\">https://www.gov.cn/</a></p>")]
    [InlineData("<budget@example.gov.cn>", "<p><a href=\"mailto:budget@example.gov.cn\">budget@example.gov.cn</a></p>")]
    [InlineData("[政策][r]\n\n[r]: https://www.gov.cn/", "<p><a href=\"https://www.gov.cn/\">政策</a></p>")]
    [InlineData("![图表](chart.png)", "<p><img src=\"chart.png\" alt=\"图表\" /></p>")]
    public void Safe_links_are_kept(string markdown, string html) =>
        Assert.All(Renderers, render => Assert.Equal(html, render(markdown)));

    [Fact]
    public void Plain_text_of_a_refused_link_keeps_its_words() =>
        Assert.Equal("点击 javascript:alert(5)", MarkdownRenderer.PlainText("[点击](javascript:1) <javascript:alert(5)>"));

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

    [Fact]
    public void Every_link_the_renderer_writes_passes_the_policy_as_a_browser_reads_it()
    {
        var html = MarkdownRenderer.Page("[a](https://a.cn/) [b](javascript:1) <c@d.cn> ![e](f.png) [g](#h)");
        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")).ToList();
        Assert.Equal(["https://a.cn/", "mailto:c@d.cn", "f.png", "#h"], links);
        Assert.All(links, l => Assert.True(SafeLinks.IsAllowed(l)));
    }
}
