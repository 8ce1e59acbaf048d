using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsCheck;
using PerfDisclosure.Build.Rendering;
using PerfDisclosure.Core.Links;
using PerfDisclosure.Core.Validation.Rules.Markdown;

namespace PerfDisclosure.Build.Tests.Rendering;

/// <summary>
/// Generated Markdown combining every link syntax (inline, angle-bracketed, titled, reference, image, nested image,
/// autolink, raw address) with hostile schemes in every spelling and encoding: whatever the text, no rendered
/// <c>href</c> or <c>src</c> leads anywhere but http, https, mailto or a relative address, read as a browser reads it
/// (AngleSharp's WHATWG URL parser, resolved against a page address). 10,000 texts by default (PD_FUZZ_LINKS for more).
/// </summary>
public class SafeLinksPropertyTests
{
    private static readonly int Inputs = int.TryParse(Environment.GetEnvironmentVariable("PD_FUZZ_LINKS"), out var n) ? n : 10_000;
    private static readonly Url PageAddress = new("https://budget.example.gov.cn/sz-x/2024/form/");
    private static readonly string[] Navigable = [.. SafeLinks.AllowedSchemes];

    private static readonly Gen<string> Scheme = Gen.OneOf(
        "javascript", "JaVaScRiPt", "JAVASCRIPT", " javascript", "\tjavascript", "java\tscript", "java\nscript", "java\rscript",
        "\u0001javascript", "java\u0000script", "java\u200Bscript", "\uFEFFjavascript", "&#106;avascript", "&#x6A;avascript",
        "&#0000106;avascript", "jav&#x61;script", "java&Tab;script", "java&NewLine;script", "java&#9;script", "%6Aavascript",
        "java%09script", "java%0ascript", "%256Aavascript", "vbscript", "VBScript", "data", "DATA", "file", "blob", "filesystem",
        "ftp", "x", "http", "https", "mailto", "HTTPS", "HtTp", "MAILTO", "");

    private static readonly Gen<string> Colon = Gen.OneOf(":", ":", ":", "&#58;", "&#x3A;", "&colon;", "%3A", "%3a", "\t:", "");

    private static readonly Gen<string> Rest = Gen.OneOf(
        "alert(1)", "//example.gov.cn/x", "budget@example.gov.cn", "text/html;base64,PHNjcmlwdD4=", "image/svg+xml,<svg>",
        "///etc/passwd", "void(0)", "%0aalert(1)", "/x?y=z#w", "");

    private static readonly Gen<string> Address = Gen.Select(Scheme, Colon, Rest).Select((s, c, r) => s + c + r);

    private static readonly Gen<string> Link = Gen.OneOf(
        Address.Select(u => $"[文字]({u})"),
        Address.Select(u => $"[文字](<{u}>)"),
        Address.Select(u => $"[文字]({u} \"标题\")"),
        Address.Select(u => $"[文字]( {u} )"),
        Address.Select(u => $"![图]({u})"),
        Address.Select(u => $"<{u}>"),
        Address.Select(u => u),
        Address.Select(u => $"[文字][r]\n\n[r]: {u}\n"),
        Address.Select(u => $"[r]\n\n[r]: <{u}> '标题'\n"),
        Address.Select(u => $"![图][i]\n\n[i]: {u}\n"),
        Gen.Select(Address, Address).Select((a, b) => $"[![图]({a})]({b})"),
        Gen.Select(Address, Address).Select((a, b) => $"[**{a}**]({b})"));

    private static readonly Gen<string> Separator = Gen.OneOf(" ", "\n", "\n\n", "\n> ", "\n- ", "\n1. ", "**", "_", "`", "\\", "");

    private static readonly Gen<string> Text = Gen.Select(Link, Separator).Array[1, 6].Select(parts => string.Concat(parts.Select(p => p.Item1 + p.Item2)));

    [Fact]
    public void No_generated_markdown_renders_a_link_or_image_outside_the_allowed_schemes()
    {
        var parser = new HtmlParser();
        Text.Sample(markdown =>
        {
            foreach (var html in new[] { MarkdownRenderer.Page(markdown), MarkdownRenderer.FormText(markdown) })
            {
                foreach (var element in parser.ParseDocument(html).All)
                {
                    foreach (var attribute in element.Attributes.Where(a => a.Name is "href" or "src" or "srcset" or "action" or "formaction" or "poster" or "xlink:href"))
                    {
                        Assert.True(SafeLinks.IsAllowed(attribute.Value), $"{attribute.Name}=\"{attribute.Value}\" from {markdown}");
                        var url = new Url(PageAddress, attribute.Value);
                        Assert.True(url.IsInvalid || Navigable.Contains(url.Scheme, StringComparer.OrdinalIgnoreCase), $"{attribute.Name}=\"{attribute.Value}\" is a {url.Scheme}: URL, from {markdown}");
                    }
                }
            }
        }, iter: Inputs);
    }

    /// <summary>Texts the limits let through never make Markdig throw: nesting and openers near and past every bound.</summary>
    [Fact]
    public void Markdown_within_the_limits_renders_without_an_exception()
    {
        var piece = Gen.OneOf(
            Gen.OneOf("> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "  ", "    ", "\t", "\n", "\n\n", "[", "]", "(", ")", "![", "*", "**", "_", "__", "`", "<", "\\", "a", "文"),
            Gen.Select(Gen.OneOf("> ", "- ", "  - ", "[", "*", "_", "*a ", "a*", "[a](", "[]("), Gen.Int[1, 300]).Select((p, k) => string.Concat(Enumerable.Repeat(p, k))));
        piece.Array[1, 12].Select(string.Concat).Sample(markdown =>
        {
            if (MarkdownLimits.Check(markdown) is null)
            {
                MarkdownRenderer.Page(markdown);
                MarkdownRenderer.FormText(markdown);
                MarkdownRenderer.PlainText(markdown);
            }
        }, iter: Inputs);
    }
}
