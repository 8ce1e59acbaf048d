using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace PerfDisclosure.Build.Search;

/// <summary>
/// The searchable text of a rendered page: the text of its <c>main</c> element (header, navigation, breadcrumbs
/// and footer lie outside it), with a space between blocks and table cells so that neighbouring cells never
/// join into a phrase neither of them holds. Reading the rendered page, not the form data, keeps a site's own
/// templates searchable.
/// </summary>
public static class MainText
{
    private static readonly HashSet<string> Separating = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "td", "th", "tr", "li", "dt", "dd", "br", "h1", "h2", "h3", "h4", "h5", "h6", "caption",
        "section", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "blockquote", "pre", "figure", "figcaption",
        "header", "footer", "article", "aside", "nav",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript" };

    // A parser is costly to set up and not thread-safe: one per thread.
    private static readonly ThreadLocal<HtmlParser> Parsers = new(() => new HtmlParser());

    /// <summary>The main text of an HTML page, whitespace collapsed; empty when the page has no <c>main</c>.</summary>
    public static string Extract(string html)
    {
        // Parsing only the main element's markup skips the head, header and footer of every page; a page with
        // more than one main element, or markup the cut cannot isolate, is parsed whole.
        var start = html.IndexOf("<main", StringComparison.OrdinalIgnoreCase);
        var end = html.LastIndexOf("</main>", StringComparison.OrdinalIgnoreCase);
        if (start >= 0 && end > start && html.IndexOf("<main", start + 5, StringComparison.OrdinalIgnoreCase) < 0)
        {
            html = html[start..(end + "</main>".Length)];
        }

        var document = Parsers.Value!.ParseDocument(html);
        var main = document.QuerySelector("main");
        if (main is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        Append(main, text);
        return Collapse(text);
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Append(t.Data);
            }
            else if (child is IElement element && !Skipped.Contains(element.LocalName) && !element.HasAttribute("data-search-ignore"))
            {
                var separate = Separating.Contains(element.LocalName);
                if (separate)
                {
                    text.Append(' ');
                }

                Append(element, text);
                if (separate)
                {
                    text.Append(' ');
                }
            }
        }
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
