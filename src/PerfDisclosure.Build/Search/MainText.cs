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
    private static readonly HashSet<string> Separating = new(StringComparer.Ordinal)
    {
        "p", "div", "td", "th", "tr", "li", "dt", "dd", "br", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
        "section", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "blockquote", "pre", "figure", "figcaption",
        "header", "footer", "article", "aside", "nav",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal) { "script", "style", "template", "noscript" };

    // Elements with no end tag: skipping one skips nothing after it.
    private static readonly HashSet<string> Void = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

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

    /// <summary>The element names the rules ask about.</summary>
    internal static IEnumerable<string> Names => Separating.Concat(Skipped).Concat(Void);

    internal static bool IsSkipped(string element) => Skipped.Contains(element);

    internal static bool IsVoid(string element) => Void.Contains(element);

    internal static void Separate(string element, StringBuilder text)
    {
        if (Separating.Contains(element))
        {
            text.Append(' ');
        }
    }

    /// <summary>The main element's bytes: by the fast scanner when it can read them, else decoded and tokenized.</summary>
    private static string Read(ReadOnlySpan<byte> main)
    {
        var text = new StringBuilder(main.Length / 2);
        return MainTextScanner.TryRead(main, text) ? Collapse(text) : Read(Utf8.GetString(main));
    }

    private static string Read(string html)
    {
        var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        var text = new StringBuilder();
        var mainDepth = 0;
        var found = false;
        (string Name, int Depth)? skipping = null;
        for (var token = tokenizer.Get(); token.Type != HtmlTokenType.EndOfFile; token = tokenizer.Get())
        {
            if (token.Type == HtmlTokenType.StartTag && TextContent.TryGetValue(token.Name, out var mode))
            {
                tokenizer.State = mode;
            }

            if (mainDepth == 0)
            {
                // Before the first main element, or after it: only its start matters, and only once.
                if (!found && token.Type == HtmlTokenType.StartTag && token.Name == "main")
                {
                    (mainDepth, found) = (1, true);
                }

                continue;
            }

            if (skipping is var (name, depth))
            {
                // Inside a skipped element: wait for its own end tag, counting elements of its name inside it.
                if (token.Name == name && token.Type == HtmlTokenType.StartTag && !token.AsTag().IsSelfClosing)
                {
                    skipping = (name, depth + 1);
                }
                else if (token.Name == name && token.Type == HtmlTokenType.EndTag)
                {
                    skipping = depth == 1 ? null : (name, depth - 1);
                }

                continue;
            }

            switch (token.Type)
            {
                case HtmlTokenType.Character:
                    text.Append(token.Data);
                    break;
                case HtmlTokenType.StartTag:
                    var tag = token.AsTag();
                    if (tag.Name == "main")
                    {
                        mainDepth++;
                    }

                    if (Skipped.Contains(tag.Name) || tag.Attributes.Any(a => a.Name == "data-search-ignore"))
                    {
                        if (!tag.IsSelfClosing && !Void.Contains(tag.Name))
                        {
                            skipping = (tag.Name, 1);
                        }

                        continue;
                    }

                    Separate(tag.Name, text);
                    break;
                case HtmlTokenType.EndTag:
                    if (token.Name == "main")
                    {
                        mainDepth--;
                    }

                    Separate(token.Name, text);
                    break;
            }
        }

        return Collapse(text);
    }

    private static string Collapse(StringBuilder text)
    {
        var result = new StringBuilder(text.Length);
        var space = true;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && result.Length > 0)
                {
                    result.Append(' ');
                }

                space = false;
                result.Append(c);
            }
        }

        return result.ToString();
    }
}
