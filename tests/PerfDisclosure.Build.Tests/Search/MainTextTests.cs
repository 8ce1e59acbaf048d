using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using PerfDisclosure.Build.Search;

namespace PerfDisclosure.Build.Tests.Search;

/// <summary>
/// The main text read from tokens is the text a browser's document holds: compared with the text of the parsed
/// document (AngleSharp's tree builder) on every page of the corpus and on markup that tests the edges.
/// </summary>
public class MainTextTests
{
    [Fact]
    public void Every_page_of_the_corpus_gives_the_text_of_its_parsed_document()
    {
        var pages = Directory.EnumerateFiles(BuiltSite.Content.Root, "*.html", SearchOption.AllDirectories).ToList();
        Assert.True(pages.Count > 50);
        Assert.All(pages, page =>
        {
            var html = File.ReadAllText(page);
            Assert.Equal(FromDocument(html), MainText.Extract(html));
            Assert.Equal(MainText.Extract(html), MainText.Extract(File.ReadAllBytes(page)));
        });
    }

    [Fact]
    public void The_fast_scanner_reads_every_page_the_theme_writes_without_the_tokenizer()
    {
        var pages = Directory.EnumerateFiles(BuiltSite.Content.Root, "*.html", SearchOption.AllDirectories).ToList();
        Assert.All(pages, page =>
        {
            var bytes = File.ReadAllBytes(page).AsSpan();
            var main = bytes[bytes.IndexOf("<main"u8)..];
            var text = new MainTextBuilder();
            Assert.True(MainTextScanner.TryRead(main[..(main.LastIndexOf("</main>"u8) + 7)], text), page);
        });
    }

    [Theory]
    [InlineData("<main>甲<script>if (a < b) {}</script></main>")]
    [InlineData("<main>甲<style>a::after { content: '&amp;' }</style></main>")]
    [InlineData("<main>甲<title>a<b>c</b></title></main>")]
    [InlineData("<main>&copy 2026</main>")]
    [InlineData("<main>&notanentity;</main>")]
    [InlineData("<main>&#0;&#x80;</main>")]
    [InlineData("<main>a < b</main>")]
    [InlineData("<main><!-->x</main>")]
    [InlineData("<main><p class=\"x>甲</main>")]
    [InlineData("<main><!DOCTYPE html>甲</main>")]
    public void The_fast_scanner_leaves_to_the_tokenizer_what_it_does_not_read_as_browsers_do(string html) =>
        Assert.False(MainTextScanner.TryRead(Encoding.UTF8.GetBytes(html), new MainTextBuilder()));

    [Theory]
    [InlineData("<main><p>甲</p><p>乙</p></main>", "甲 乙")]
    [InlineData("<header>页头</header><main>正文</main><footer>页脚</footer>", "正文")]
    [InlineData("<main>A&amp;B &lt;x&gt; &#20013;</main>", "A&B <x> 中")]
    [InlineData("<main><b>宣</b><i>传</i>片</main>", "宣传片")]
    [InlineData("<main><table><tr><td>甲</td><td>乙</td></tr></table></main>", "甲 乙")]
    [InlineData("<main>前<script>var a = '<p>不算</p>';</script>后</main>", "前后")]
    [InlineData("<main>前<style>p::after { content: '<b>' }</style>后</main>", "前后")]
    [InlineData("<main>前<div data-search-ignore><div>不算</div><p>也不算</p></div>后</main>", "前后")]
    [InlineData("<main>前<span data-search-ignore>不算<span>不算</span></span>后<br>再</main>", "前后 再")]
    [InlineData("<main>前<img data-search-ignore alt=\"图\">后</main>", "前后")]
    [InlineData("<main><svg><title>图&amp;表</title><desc>说明</desc></svg>后<textarea>&lt;文</textarea></main>", "图&表说明后<文")]
    [InlineData("<p>没有主体</p>", "")]
    [InlineData("<main>第一</main><main>第二</main>", "第一")]
    [InlineData("<main>  多  个\n空白 </main>", "多 个 空白")]
    [InlineData("<main><P Class=\"a>b\" title='c>d' hidden data-x=1>甲</P><BR/>乙</main>", "甲 乙")]
    [InlineData("<main>甲<!-- <p>注释</p> -->乙</main>", "甲乙")]
    [InlineData("<main>&nbsp;&hellip;&#x4E2D;&#20013;&#39;&quot;&apos;&#128512;</main>", "…中中'\"'😀")]
    [InlineData("<main>a & b &amp;&amp; c</main>", "a & b && c")]
    [InlineData("<main>&copy 2026 &notanentity; &#0; a < b</main>", "© 2026 ¬anentity; \uFFFD a < b")]
    [InlineData("<main><table data-search-ignore=\"\"><tr><td>不算</td></tr></table><td>算</td></main>", "算")]
    [InlineData("<main><main>内</main>外</main>", "内外")]
    public void Markup_at_the_edges_gives_the_text_of_its_parsed_document(string html, string expected)
    {
        Assert.Equal(expected, MainText.Extract(html));
        Assert.Equal(FromDocument(html), MainText.Extract(html));
        Assert.Equal(expected, MainText.Extract(Encoding.UTF8.GetBytes(html)));
        Assert.Equal(expected, MainText.Extract(Encoding.UTF8.GetBytes(html.Replace("main", "MAIN", StringComparison.Ordinal))));
    }

    /// <summary>The reference: the text of the first main element of the parsed document, with the same rules.</summary>
    private static string FromDocument(string html)
    {
        var main = new HtmlParser().ParseDocument(html).QuerySelector("main");
        if (main is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        Append(main, text);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static void Append(INode node, StringBuilder text)
    {
        string[] separating = ["p", "div", "td", "th", "tr", "li", "dt", "dd", "br", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "section", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "blockquote", "pre", "figure", "figcaption", "header", "footer", "article", "aside", "nav"];
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement element && element.LocalName is not ("script" or "style" or "template" or "noscript") && !element.HasAttribute("data-search-ignore"))
            {
                var separate = separating.Contains(element.LocalName);
                text.Append(separate ? " " : string.Empty);
                Append(element, text);
                text.Append(separate ? " " : string.Empty);
            }
        }
    }
}
