using System.Text;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The searchable text of a rendered page: the text of its <c>main</c> element (header, navigation, breadcrumbs
/// and footer lie outside it), with a space between blocks and table cells so that neighbouring cells never
/// join into a phrase neither of them holds. Reading the rendered page, not the form data, keeps a site's own
/// templates searchable.
/// </summary>
/// <remarks>
/// Pages as a theme writes them are read by <see cref="MainTextScanner"/> straight from their bytes; any other
/// markup is read as HTML tokens (AngleSharp's tokenizer: entities, attributes and raw text as browsers read
/// them) without building a document: the text of a page is its character tokens in order, which is what the
/// document's text would be, for a fifth of the cost of building the tree (most of it attribute maps).
/// </remarks>
public static class MainText
{
    // Elements whose content the tokenizer must read as text, not markup, as a browser's tree builder tells it to.
    private static readonly Dictionary<string, HtmlParseMode> TextContent = new(StringComparer.Ordinal)
    {
        ["script"] = HtmlParseMode.Script,
        ["style"] = HtmlParseMode.Rawtext,
        ["xmp"] = HtmlParseMode.Rawtext,
        ["iframe"] = HtmlParseMode.Rawtext,
        ["noembed"] = HtmlParseMode.Rawtext,
        ["noframes"] = HtmlParseMode.Rawtext,
        ["textarea"] = HtmlParseMode.RCData,
        ["title"] = HtmlParseMode.RCData,
    };

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The main text of an HTML page, whitespace collapsed; empty when the page has no <c>main</c>.</summary>
    public static string Extract(string html)
    {
        // Only the main element's markup is read when the page has one: its head, header and footer are skipped.
        var start = html.IndexOf("<main", StringComparison.OrdinalIgnoreCase);
        var end = html.LastIndexOf("</main>", StringComparison.OrdinalIgnoreCase);
        return start >= 0 && end > start && html.IndexOf("<main", start + 5, StringComparison.OrdinalIgnoreCase) < 0
            ? Read(html[start..(end + "</main>".Length)])
            : Read(html);
    }

    /// <summary>The same, from the page's UTF-8 bytes: only the one main element's bytes are decoded when they can be found as written by the theme (lower case).</summary>
    public static string Extract(ReadOnlySpan<byte> page)
    {
        var start = page.IndexOf("<main"u8);
        var end = page.LastIndexOf("</main>"u8);
        return start >= 0 && end > start && page[(start + 5)..].IndexOf("<main"u8) < 0
            ? Read(page[start..(end + "</main>"u8.Length)])
            : Extract(Utf8.GetString(page));
    }

    /// <summary>
    /// The elements whose content the tokenizer reads as text rather than markup (as a browser's tree builder tells
    /// it to), and whether character references in that text are still decoded.
    /// </summary>
    internal static IEnumerable<string> TextContentElements => TextContent.Keys;

    /// <inheritdoc cref="TextContentElements"/>
    internal static bool ReadsContentAsText(string element, out bool decodesReferences)
    {
        var found = TextContent.TryGetValue(element, out var mode);
        decodesReferences = mode == HtmlParseMode.RCData;
        return found;
    }

    /// <summary>The main element's bytes: by the fast scanner when it can read them, else decoded and tokenized.</summary>
    private static string Read(ReadOnlySpan<byte> main)
    {
        var text = new MainTextBuilder(main.Length / 2);
        return MainTextScanner.TryRead(main, text) ? text.ToString() : Read(Utf8.GetString(main));
    }

    private static string Read(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var text = new MainTextBuilder();
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            switch (token.Type)
            {
                case HtmlTokenType.Character:
                    text.Characters(token.Data);
                    break;
                case HtmlTokenType.StartTag:
                    if (TextContent.TryGetValue(token.Name, out var mode))
                    {
                        tokenizer.State = mode;
                    }

                    var tag = token.AsTag();
                    text.StartTag(tag.Name, tag.IsSelfClosing, tag.Attributes.Any(a => a.Name == "data-search-ignore"));
                    break;
                case HtmlTokenType.EndTag:
                    text.EndTag(token.Name);
                    break;
            }
        }

        return text.ToString();
    }
}
