using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PerfDisclosure.Core.Links;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>Builds a site whose content tries every injection we know, and reads the pages as a browser would.</summary>
public class HostileContentTests
{
    private const string ScriptName = "<script>alert('name')</script>\" onmouseover=\"alert(1)";
    private const string SvgTarget = "\"><svg/onload=alert(1)>";
    private const string ImgExplanation = "'><img src=x onerror=alert(1)>";
    private const string FormPage = "sz-futian-investment-promotion/2024/chambers-of-commerce-building/index.html";

    private static readonly Lazy<TestSite> Site = new(() =>
    {
        var site = new TestSite("hostile");
        var form = site.SeedWith("project_name", JsonSerializer.Serialize(ScriptName))
            .Replace("policy_basis: |\n", "policy_basis: |\n  <script>alert('md')</script>\n\n  [点我](javascript:alert('link')) ![图](javascript:alert('img')) <img src=x onerror=alert(1)>\n\n  <javascript:alert(5)> [x](javascript:1) <JaVaScRiPt:alert(6)> [y](&#106;avascript:1) ![i](vbscript:1) [w](file:///etc/passwd) [r][bad]\n\n  [bad]: data:text/html,x\n\n  [政策原文](https://www.gov.cn/)\n\n", StringComparison.Ordinal)
            .Replace("target: \"5次\"", "target: " + JsonSerializer.Serialize(SvgTarget), StringComparison.Ordinal)
            .Replace("explanation: 该指标主要考察招商推介活动开展次数", "explanation: " + JsonSerializer.Serialize(ImgExplanation), StringComparison.Ordinal);
        site.Write(TestSite.SeedForm, form);
        site.Write("organisations/sz-futian-investment-promotion.yaml", "name: \"</title><script>alert('org')</script>\"\njurisdiction: \"<b>深圳</b>\"\n");
        site.Write("site.yaml", site.Read("site.yaml").Replace("title: 预算绩效信息公开", "title: \"\\\"><script>alert('site')</script>\"", StringComparison.Ordinal)
            + "\nlicence: \"javascript:alert('licence')\"\nlicence_name: \"<script>alert('licence')</script>\"\n");
        site.Write("pages/about.md", "---\ntitle: \"<script>alert('page')</script>\"\n---\n<iframe src=\"javascript:alert(1)\"></iframe>\n\n[x](javascript:alert(1))\n");
        var result = site.Build();
        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        return site;
    });

    private static IEnumerable<(string Path, IHtmlDocument Document)> Pages() =>
        Directory.EnumerateFiles(Site.Value.Output, "*.html", SearchOption.AllDirectories)
            .Select(p => (Path.GetRelativePath(Site.Value.Output, p), new HtmlParser().ParseDocument(File.ReadAllText(p))));

    [Fact]
    public void No_page_has_an_inline_script_an_event_handler_an_inline_style_or_an_unsafe_link()
    {
        var pages = Pages().ToList();
        Assert.True(pages.Count > 50);
        foreach (var (path, document) in pages)
        {
            // Scripts load from files (CSP script-src 'self'); the inline elements allowed are JSON-LD data, which
            // browsers never run and which must not be able to close its element, and the 404 page's own style and
            // script, each allowed by its hash in that page's CSP (it is served at any depth: NotFoundPageStage).
            var csp = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content") ?? string.Empty;
            bool Hashed(AngleSharp.Dom.IElement e) => !e.TextContent.Contains("</", StringComparison.Ordinal) &&
                csp.Contains($"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(e.TextContent)))}'", StringComparison.Ordinal);
            Assert.All(document.QuerySelectorAll("script"), s => Assert.True(
                (s.HasAttribute("src") && s.TextContent.Trim().Length == 0) || (s.GetAttribute("type") == "application/ld+json" && !s.TextContent.Contains('<')) || Hashed(s),
                $"{path}: inline script {s.OuterHtml}"));
            Assert.Empty(document.QuerySelectorAll("style").Where(e => !Hashed(e)).Select(e => $"{path}: {e.OuterHtml}"));
            Assert.Empty(document.QuerySelectorAll("iframe, object, embed, foreignObject, base, img[onerror]").Select(e => $"{path}: {e.OuterHtml}"));
            foreach (var element in document.All)
            {
                Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
                Assert.False(element.HasAttribute("style"), $"{path}: inline style on <{element.LocalName}> is blocked by the CSP");
                foreach (var name in new[] { "href", "src", "action", "formaction" })
                {
                    Assert.True(SafeLinks.IsAllowed(element.GetAttribute(name)), $"{path}: unsafe {name} {element.GetAttribute(name)}");
                }
            }
        }
    }

    /// <summary>The feed, the sitemap, robots.txt and the open data carry addresses too: each passes the same policy.</summary>
    [Fact]
    public void Every_address_in_the_feed_sitemap_robots_and_open_data_passes_the_link_policy()
    {
        var output = Site.Value.Output;
        var addresses = new List<string>();
        foreach (var xml in new[] { "feed.xml", "sitemap.xml" })
        {
            var document = XDocument.Load(Path.Combine(output, xml));
            addresses.AddRange(document.Descendants().Where(e => e.Name.LocalName is "id" or "loc").Select(e => e.Value));
            addresses.AddRange(document.Descendants().Attributes("href").Select(a => a.Value));
        }

        addresses.AddRange(File.ReadAllLines(Path.Combine(output, "robots.txt")).Where(l => l.StartsWith("Sitemap:", StringComparison.Ordinal)).Select(l => l["Sitemap:".Length..].Trim()));
        foreach (var json in Directory.EnumerateFiles(Path.Combine(output, "data"), "*.json*"))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(json));
            addresses.AddRange(Strings(document.RootElement).Where(v => v.Contains("://", StringComparison.Ordinal)));
        }

        Assert.True(addresses.Count > 100, $"{addresses.Count} addresses");
        Assert.All(addresses, a => Assert.True(SafeLinks.IsAllowed(a), a));
        Assert.Contains(addresses, a => a.StartsWith("https://budget.example.gov.cn/", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_page_carries_the_content_security_policy_before_any_content()
    {
        foreach (var (path, document) in Pages())
        {
            var csp = document.Head?.QuerySelector("meta[http-equiv='Content-Security-Policy']");
            Assert.True(csp is not null, path);
            Assert.Contains("script-src 'self'", csp.GetAttribute("content"), StringComparison.Ordinal);
            Assert.Contains("object-src 'none'", csp.GetAttribute("content"), StringComparison.Ordinal);
            Assert.Same(document.Head!.QuerySelector("meta[charset]")!.NextElementSibling?.NextElementSibling, csp);
        }
    }

    [Fact]
    public void Hostile_text_reaches_the_reader_as_the_text_that_was_written()
    {
        var document = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(Site.Value.Output, FormPage)));
        var text = document.Body!.TextContent;
        Assert.Contains(ScriptName, text, StringComparison.Ordinal);
        Assert.Contains(SvgTarget, text, StringComparison.Ordinal);
        Assert.Contains(ImgExplanation, text, StringComparison.Ordinal);
        Assert.Contains("<script>alert('md')</script>", text, StringComparison.Ordinal);
        Assert.Contains("点我", text, StringComparison.Ordinal);
        Assert.Contains("javascript:alert(5) x JaVaScRiPt:alert(6) y i w r", text, StringComparison.Ordinal);
        Assert.Contains("</title><script>alert('org')</script>", document.QuerySelector("nav.breadcrumbs")?.TextContent, StringComparison.Ordinal);
        Assert.StartsWith(ScriptName, document.Title, StringComparison.Ordinal);
        Assert.Contains(document.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://www.gov.cn/" && a.TextContent == "政策原文");
        Assert.Equal(ScriptName + " 二级项目支出绩效目标申报表（2024年度）", document.QuerySelector("meta[name='ArticleTitle']")?.GetAttribute("content"));
    }

    [Fact]
    public void Open_data_json_holds_the_exact_text_and_stays_valid_json()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Site.Value.Output, Path.GetDirectoryName(FormPage)!, "form.json")));
        var strings = Strings(json.RootElement).ToList();
        Assert.Contains(ScriptName, strings);
        Assert.Contains(SvgTarget, strings);
        Assert.Contains(ImgExplanation, strings);
        using var all = JsonDocument.Parse(File.ReadAllText(Path.Combine(Site.Value.Output, "data", "forms.json")));
        Assert.Contains(ScriptName, Strings(all.RootElement));
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
